module roadmap.dev/tools/helm-template-check

go 1.19
