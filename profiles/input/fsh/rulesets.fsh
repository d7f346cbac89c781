// Metadata every conformance resource of the project carries.
RuleSet: Metadata
* ^publisher = "Interop"
* ^experimental = false
