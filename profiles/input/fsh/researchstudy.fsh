// The BlinFant trial (docs/trial-rules.md). The adapter's ResearchSubjects point at ResearchStudy/blinfant.
//
// Identifier systems. FHIR R4 and HL7 Terminology register no identifier system for EudraCT or for the
// Netherlands Trial Register, and FHIR's guidance for an identifier system is "a URL that the
// assigning authority controls": so each registry's own public URL is used, as R4's ResearchStudy
// example does with http://clinicaltrials.gov for NCT numbers.
// - EudraCT numbers are published by the EMA in the EU Clinical Trials Register:
//   https://www.clinicaltrialsregister.eu
// - Netherlands Trial Register ids (NL5993; its former NTR number NTR6359): https://www.trialregister.nl
// - The sponsor code NL59901.078.17 has the form of a Dutch CCMO (ABR) dossier number, for which no
//   public identifier URI exists: it is kept in the project's own namespace {base}/sid/sponsor-code,
//   typed with its meaning in text.

Instance: blinfant-sponsor
InstanceOf: Organization
Usage: #inline
* active = true
* name = "Princess Máxima Center for Pediatric Oncology"
* address.city = "Utrecht"
* address.country = "NL"

Instance: blinfant-eligibility
InstanceOf: Group
Usage: #inline
Title: "BlinFant inclusion criteria"
* type = #person
* actual = false
* name = "BlinFant eligibility: inclusion criteria"
* characteristic[+].code = $BFC#age-at-diagnosis "Age below 365 days at diagnosis"
* characteristic[=].code.text = "age < 365 days at diagnosis of ALL"
* characteristic[=].valueBoolean = true
* characteristic[=].exclude = false
* characteristic[+].code = $BFC#age-at-blinatumomab-start "Age above 28 days at blinatumomab start"
* characteristic[=].code.text = "age > 28 days at start of blinatumomab"
* characteristic[=].valueBoolean = true
* characteristic[=].exclude = false
* characteristic[+].code = $BFC#newly-diagnosed-bcp-all "Newly diagnosed B-precursor ALL"
* characteristic[=].code.text = "newly diagnosed B-precursor ALL, confirmed by morphology and immunophenotyping"
* characteristic[=].valueBoolean = true
* characteristic[=].exclude = false
* characteristic[+].code = $BFC#cd19-positive "CD19-positive blasts"
* characteristic[=].code.text = "leukemic blasts CD19-positive"
* characteristic[=].valueBoolean = true
* characteristic[=].exclude = false
* characteristic[+].code = $BFC#kmt2a-rearranged "KMT2A rearranged (Interfant-06 MR or HR)"
* characteristic[=].code.text = "KMT2A (MLL) rearranged, Interfant-06 risk group MR or HR"
* characteristic[=].valueBoolean = true
* characteristic[=].exclude = false
* characteristic[+].code = $BFC#induction-given "Interfant-06 induction given"
* characteristic[=].code.text = "treated according to the Interfant-06 backbone"
* characteristic[=].valueBoolean = true
* characteristic[=].exclude = false
* characteristic[+].code = $BFC#eoi-marrow-m1-m2 "M1 or M2 marrow at end of induction"
* characteristic[=].code.text = "M1 or M2 bone marrow after induction (about day 33)"
* characteristic[=].valueBoolean = true
* characteristic[=].exclude = false

Instance: blinfant
InstanceOf: ResearchStudy
Usage: #definition
Title: "BlinFant"
Description: "The BlinFant pilot: blinatumomab added to the Interfant-06 backbone in infants with newly diagnosed KMT2A-rearranged ALL."
* contained[+] = blinfant-sponsor
* contained[+] = blinfant-eligibility
* identifier[+].use = #official
* identifier[=].type.text = "EudraCT number"
* identifier[=].system = "https://www.clinicaltrialsregister.eu"
* identifier[=].value = "2016-004674-17"
* identifier[+].use = #secondary
* identifier[=].type.text = "Netherlands Trial Register"
* identifier[=].system = "https://www.trialregister.nl"
* identifier[=].value = "NL5993"
* identifier[+].use = #old
* identifier[=].type.text = "Netherlands Trial Register (former NTR number)"
* identifier[=].system = "https://www.trialregister.nl"
* identifier[=].value = "NTR6359"
* identifier[+].use = #secondary
* identifier[=].type.text = "Sponsor code (CCMO dossier number)"
* identifier[=].system = "https://fhir.blinfant-interop.org/sid/sponsor-code"
* identifier[=].value = "NL59901.078.17"
* title = "Blinatumomab added to the Interfant-06 backbone in infants with newly diagnosed KMT2A-rearranged acute lymphoblastic leukemia (BlinFant)"
* status = #completed
* primaryPurposeType = $PURPOSE#treatment "Treatment"
* phase = $PHASE#phase-2 "Phase 2"
* condition = $SCT#277572006 "Precursor B-cell acute lymphoblastic leukemia"
* condition.text = "KMT2A-rearranged infant ALL"
* keyword[+].text = "blinatumomab"
* keyword[+].text = "Interfant-06"
* keyword[+].text = "KMT2A"
* keyword[+].text = "infant ALL"
* location[+] = $ISO3166#NL "Netherlands"
* location[+] = $ISO3166#AT "Austria"
* location[+] = $ISO3166#BE "Belgium"
* location[+] = $ISO3166#DK "Denmark"
* location[+] = $ISO3166#DE "Germany"
* location[+] = $ISO3166#CZ "Czechia"
* location[+] = $ISO3166#FR "France"
* location[+] = $ISO3166#IT "Italy"
* location[+] = $ISO3166#AU "Australia"
* description = "Single-arm pilot: one course of blinatumomab (15 ug/m2/day as a continuous intravenous infusion for 28 days) added after induction to the Interfant-06 chemotherapy backbone in infants younger than one year with newly diagnosed KMT2A-rearranged B-precursor ALL. Primary endpoint: any toxic effect possibly or definitely attributable to blinatumomab that results in death or in permanent discontinuation of blinatumomab."
* relatedArtifact[+].type = #citation
* relatedArtifact[=].citation = "van der Sluis IM, de Lorenzo P, Kotecha RS, et al. Blinatumomab Added to Chemotherapy in Infant Lymphoblastic Leukemia. N Engl J Med 2023;388:1572-1581."
* relatedArtifact[=].url = "https://doi.org/10.1056/NEJMoa2214171"
* relatedArtifact[+].type = #depends-on
* relatedArtifact[=].display = "Interfant-06 (NCT00550992, EudraCT 2005-004599-19): the chemotherapy backbone protocol"
* relatedArtifact[+].type = #successor
* relatedArtifact[=].display = "Interfant-21 (NCT05327894): the successor phase 3 trial"
* sponsor = Reference(blinfant-sponsor)
* enrollment = Reference(blinfant-eligibility)
