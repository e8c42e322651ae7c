variable "name_prefix" {
  type        = string
  description = "Physical table name prefix; a table's name is <name_prefix>-<schema name> (the Java code's PORTBROKER_TABLE_PREFIX)."
}

variable "schema" {
  type = object({
    tables = list(object({
      name         = string
      partitionKey = object({ name = string, type = string })
      sortKey      = optional(object({ name = string, type = string }))
      ttlAttribute = optional(string)
      globalSecondaryIndexes = list(object({
        name         = string
        partitionKey = object({ name = string, type = string })
        sortKey      = optional(object({ name = string, type = string }))
        projection   = string
      }))
    }))
  })
  description = "The decoded single table schema, jsondecode(file(\".../io/portbroker/dynamodb/tables.json\")); never restate tables here."
}

variable "manage_tables" {
  type        = bool
  description = "Create the tables (true) or attach to tables that already exist in this region, such as the prod global-table replicas used by the DR stack (false)."
  default     = true
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key ARN for server-side encryption of the tables in this region."
}

variable "replicas" {
  type = list(object({
    region      = string
    kms_key_arn = string
  }))
  description = "Global-table replicas: one entry per additional region, each with a KMS key of that region (a replica of the multi-Region table key)."
  default     = []
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse DeleteTable while true (set for every shared environment)."
  default     = true
}

variable "tags" {
  type        = map(string)
  description = "Cost-allocation and ownership tags applied to every table."
  default     = {}
}
