module github.com/roadmap-demo/ledger-worker

go 1.23

require (
	github.com/prometheus/client_golang v1.20.5
	go.uber.org/zap v1.27.0
	google.golang.org/grpc v1.69.2
)
