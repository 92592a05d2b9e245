terraform {
  backend "gcs" {
    bucket = "roadmap-demo-tf-state"
    prefix = "edge-gateway"
  }
}

resource "google_compute_global_address" "edge" {
  name = "edge-gateway"
}
