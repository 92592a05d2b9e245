terraform {
  backend "s3" {
    bucket         = "${{ values.org }}-terraform-state"
    key            = "${{ values.name }}/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}

# The service's own cloud resources go here. Its database, when it gets one,
# keeps automated backups:
#
# resource "aws_db_instance" "main" {
#   backup_retention_period = 14
# }
