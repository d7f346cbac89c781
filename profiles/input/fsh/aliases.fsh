// Code systems and identifier systems used throughout. The project's own canonical base is
// https://fhir.blinfant-interop.org (sushi-config.yaml).
Alias: $BF = https://fhir.blinfant-interop.org/CodeSystem/blinfant
Alias: $BFC = https://fhir.blinfant-interop.org/CodeSystem/blinfant-criterion
Alias: $RG = https://fhir.blinfant-interop.org/CodeSystem/interfant06-risk-group
Alias: $BFI = https://fhir.blinfant-interop.org/CodeSystem/blinfant-input
Alias: $UCUM = http://unitsofmeasure.org
Alias: $DAR = http://terminology.hl7.org/CodeSystem/data-absent-reason
Alias: $SCT = http://snomed.info/sct
Alias: $OBS_STATUS = http://hl7.org/fhir/observation-status
Alias: $PHASE = http://terminology.hl7.org/CodeSystem/research-study-phase
Alias: $PURPOSE = http://terminology.hl7.org/CodeSystem/research-study-prim-purp-type
Alias: $ISO3166 = urn:iso:std:iso:3166
