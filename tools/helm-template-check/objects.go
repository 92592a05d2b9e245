package main

import (
	"path"
	"sort"
	"strings"
)

// apiVersions answers `.Capabilities.APIVersions.Has "group/version"` for a
// current cluster: the API groups every supported Kubernetes serves.
type apiVersions []string

func (a apiVersions) Has(version string) bool {
	for _, v := range a {
		if v == version || strings.HasPrefix(version, v+"/") {
			return true
		}
	}
	return false
}

type kubeVersion struct {
	Version    string
	GitVersion string
	Major      string
	Minor      string
}

func (k kubeVersion) String() string { return k.Version }

type capabilities struct {
	APIVersions apiVersions
	KubeVersion kubeVersion
	HelmVersion map[string]string
}

func defaultCapabilities() capabilities {
	return capabilities{
		APIVersions: apiVersions{
			"v1", "apps/v1", "batch/v1", "autoscaling/v1", "autoscaling/v2",
			"policy/v1", "networking.k8s.io/v1", "rbac.authorization.k8s.io/v1",
			"storage.k8s.io/v1", "coordination.k8s.io/v1", "discovery.k8s.io/v1",
			"admissionregistration.k8s.io/v1", "apiextensions.k8s.io/v1",
			"scheduling.k8s.io/v1", "certificates.k8s.io/v1",
		},
		KubeVersion: kubeVersion{Version: "v1.30.0", GitVersion: "v1.30.0", Major: "1", Minor: "30"},
		HelmVersion: map[string]string{"Version": "v3.15.0"},
	}
}

// files is `.Files`: the chart's non-template files by path.
type files map[string]string

func chartFiles(all map[string]string) files {
	out := files{}
	for name, text := range all {
		if !isTemplate(name) {
			out[name] = text
		}
	}
	return out
}

func (f files) Get(name string) string { return f[name] }

func (f files) GetBytes(name string) []byte { return []byte(f[name]) }

func (f files) Glob(pattern string) files {
	out := files{}
	for name, text := range f {
		if ok, _ := path.Match(pattern, name); ok {
			out[name] = text
		}
	}
	return out
}

func (f files) Lines(name string) []string { return strings.Split(f[name], "\n") }

func (f files) sortedNames() []string {
	names := make([]string, 0, len(f))
	for name := range f {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// AsConfig and AsSecrets render the files as a ConfigMap's data or a
// Secret's; the content is quoted, so any text stays one YAML scalar.
func (f files) AsConfig() string {
	var b strings.Builder
	for _, name := range f.sortedNames() {
		b.WriteString(path.Base(name) + ": " + jsonText(f[name]) + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (f files) AsSecrets() string {
	var b strings.Builder
	for _, name := range f.sortedNames() {
		b.WriteString(path.Base(name) + ": " + jsonText(b64enc(f[name])) + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
