module github.com/roadmap-demo/edge-gateway

go 1.23

require (
	github.com/prometheus/client_golang v1.20.5
	go.opentelemetry.io/otel v1.33.0
	go.opentelemetry.io/otel/sdk v1.33.0
)
