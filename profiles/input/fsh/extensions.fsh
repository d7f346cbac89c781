// ADR 0002: each criterion component of the eligibility Observation carries its own evidence, of any
// resource type (Observation.derivedFrom allows only a few types).
Extension: CriterionEvidence
Id: criterion-evidence
Title: "Criterion evidence"
Description: "A record (of any resource type, versioned where the server gives the version) that the adapter used to decide one eligibility criterion. Repeats once per record."
Context: Observation.component
* insert Metadata
* value[x] 1..1
* value[x] only Reference
* valueReference ^short = "The evidence record: Type/id or Type/id/_history/version"
