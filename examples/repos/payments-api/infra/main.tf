terraform {
  backend "s3" {
    bucket         = "roadmap-demo-terraform-state"
    key            = "payments-api/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}

resource "aws_db_instance" "payments" {
  identifier              = "payments"
  engine                  = "postgres"
  engine_version          = "16.4"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 100
  backup_retention_period = 14
  deletion_protection     = true
}
