// The seven outcome Observations of docs/outcomes.md. The adapter writes
// meta.profile = https://fhir.blinfant-interop.org/StructureDefinition/blinfant-<outcome-code>.

// What every outcome Observation shares: the idempotency identifier, status, category, code, subject,
// issued, and derivedFrom restricted to Observation evidence (ADR 0002).
RuleSet: OutcomeObservation(outcomeCode)
* insert Metadata
* identifier 1..* MS
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier ^slicing.description = "The outcome identifier makes every write idempotent"
* identifier contains outcome 1..1 MS
* identifier[outcome] ^short = "{studyId}/{outcome-code}/{patient id}"
* identifier[outcome].system 1..1
* identifier[outcome].system = "https://fhir.blinfant-interop.org/sid/outcome" (exactly)
* identifier[outcome].value 1..1
* status MS
* status from OutcomeStatuses (required)
* method MS
* method ^short = "The rule-set version (text) and the fingerprint of its effective options (coding, system https://fhir.blinfant-interop.org/sid/rule-set-fingerprint)"
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains trialAssessment 1..1 MS
* category[trialAssessment] = $BF#trial-assessment
* code MS
* code = $BF#{outcomeCode}
* subject 1..1 MS
* subject only Reference(Patient)
* focus 0..0
* issued 1..1 MS
* value[x] 1..1 MS
* dataAbsentReason 0..0
* derivedFrom MS
* derivedFrom only Reference(Observation)

// A component slice whose code is {base}/CodeSystem/blinfant#{code}.
RuleSet: BlinfantComponent(slice, code)
* component[{slice}].code = $BF#{code}
* component[{slice}].value[x] 1..1
* component[{slice}].dataAbsentReason 0..0

// A component slice that takes a UCUM Quantity with the given unit code.
RuleSet: QuantityComponent(slice, code, ucum)
* insert BlinfantComponent({slice}, {code})
* component[{slice}].value[x] only Quantity
* component[{slice}].valueQuantity.value 1..1
* component[{slice}].valueQuantity = $UCUM#{ucum}

// A UCUM Quantity component that, when the value cannot be given, is present with a dataAbsentReason
// (data-absent-reason#unknown, its text saying why) instead: the outcome says so rather than leaving it out.
RuleSet: QuantityOrAbsentComponent(slice, code, ucum)
* component[{slice}].code = $BF#{code}
* component[{slice}] obeys blinfant-value-or-absent-reason
* component[{slice}].value[x] only Quantity
* component[{slice}].valueQuantity.value 1..1
* component[{slice}].valueQuantity = $UCUM#{ucum}
* component[{slice}].dataAbsentReason = $DAR#unknown

Invariant: blinfant-value-or-absent-reason
Description: "The component has a value, or a dataAbsentReason saying why it has none; never both"
Expression: "value.exists() xor dataAbsentReason.exists()"
Severity: #error

// Components identified by their code, each at most once.
RuleSet: ComponentsByCode
* component MS
* component ^slicing.discriminator.type = #pattern
* component ^slicing.discriminator.path = "code"
* component ^slicing.rules = #closed
* component ^slicing.ordered = false
* component ^slicing.description = "One component per code"

// One eligibility criterion: its status and the records that decided it.
RuleSet: CriterionComponent(slice, criterion)
* component[{slice}].code = $BFC#{criterion}
* component[{slice}].value[x] 1..1
* component[{slice}].value[x] only CodeableConcept
* component[{slice}].valueCodeableConcept from CriterionStatuses (required)
* component[{slice}].dataAbsentReason 0..0
* component[{slice}].extension contains CriterionEvidence named evidence 0..*

Profile: BlinfantEligibility
Parent: Observation
Id: blinfant-eligibility
Title: "BlinFant eligibility"
Description: "Whether the patient meets the inclusion criteria of the BlinFant protocol as of a date: the verdict, one component per criterion with its status and evidence, and the rule-set version as the method."
* insert OutcomeObservation(eligibility)
* effective[x] 1..1 MS
* effective[x] only dateTime
* effective[x] ^short = "The as-of date of the evaluation"
* value[x] only CodeableConcept
* valueCodeableConcept from EligibilityVerdicts (required)
* method 1..1 MS
* method.text 1..1
* method ^short = "The rule-set version that evaluated the criteria (text) and the fingerprint of its effective options (coding, system https://fhir.blinfant-interop.org/sid/rule-set-fingerprint)"
* insert ComponentsByCode
* component 7..7
* component contains
    ageAtDiagnosis 1..1 MS and
    ageAtBlinatumomabStart 1..1 MS and
    newlyDiagnosedBcpAll 1..1 MS and
    cd19Positive 1..1 MS and
    kmt2aRearranged 1..1 MS and
    inductionGiven 1..1 MS and
    eoiMarrowM1M2 1..1 MS
* insert CriterionComponent(ageAtDiagnosis, age-at-diagnosis)
* insert CriterionComponent(ageAtBlinatumomabStart, age-at-blinatumomab-start)
* insert CriterionComponent(newlyDiagnosedBcpAll, newly-diagnosed-bcp-all)
* insert CriterionComponent(cd19Positive, cd19-positive)
* insert CriterionComponent(kmt2aRearranged, kmt2a-rearranged)
* insert CriterionComponent(inductionGiven, induction-given)
* insert CriterionComponent(eoiMarrowM1M2, eoi-marrow-m1-m2)

Profile: BlinfantInterfant06RiskGroup
Parent: Observation
Id: blinfant-interfant06-risk-group
Title: "BlinFant Interfant-06 risk group"
Description: "The patient's Interfant-06 risk group (written only when it is known), effective at the diagnosis date."
* insert OutcomeObservation(interfant06-risk-group)
* effective[x] MS
* effective[x] only dateTime
* effective[x] ^short = "The diagnosis date"
* value[x] only CodeableConcept
* valueCodeableConcept from RiskGroups (required)
* component 0..0

Profile: BlinfantBlinatumomabCourse
Parent: Observation
Id: blinfant-blinatumomab-course
Title: "BlinFant blinatumomab course"
Description: "The state of the patient's blinatumomab course over the period from the first start to the last end of its administrations, with the infusion days, the cumulative dose per square metre (or, when it cannot be known, the cumulative-dose component with a dataAbsentReason saying why) and the number of interruptions."
* insert OutcomeObservation(blinatumomab-course)
* effective[x] MS
* effective[x] only Period
* effective[x] ^short = "First start to last end of the blinatumomab administrations"
* value[x] only CodeableConcept
* valueCodeableConcept from CourseStates (required)
* insert ComponentsByCode
* component contains
    infusionDays 1..1 MS and
    cumulativeDose 0..1 MS and
    interruptions 1..1 MS
* insert QuantityComponent(infusionDays, infusion-days, d)
* insert QuantityOrAbsentComponent(cumulativeDose, cumulative-dose, ug/m2)
* insert BlinfantComponent(interruptions, interruptions)
* component[interruptions].value[x] only integer

Profile: BlinfantMrdAfterBlinatumomab
Parent: Observation
Id: blinfant-mrd-after-blinatumomab
Title: "BlinFant MRD after blinatumomab"
Description: "The class of the last minimal residual disease result dated within the blinatumomab course or up to 7 days after its last administration, with the level when it was quantified; effective at the specimen date."
* insert OutcomeObservation(mrd-after-blinatumomab)
* effective[x] 1..1 MS
* effective[x] only dateTime
* effective[x] ^short = "The specimen date"
* value[x] only CodeableConcept
* valueCodeableConcept from MrdClasses (required)
* insert ComponentsByCode
* component contains mrdLevel 0..1 MS
* insert QuantityComponent(mrdLevel, mrd-level, 1)

Profile: BlinfantPrimaryEndpoint
Parent: Observation
Id: blinfant-primary-endpoint
Title: "BlinFant primary endpoint"
Description: "The trial's primary safety endpoint: true when a toxic effect attributable to blinatumomab led to death or to permanent discontinuation of blinatumomab. Written once the course has started."
* insert OutcomeObservation(primary-endpoint)
* effective[x] MS
* effective[x] only dateTime
* effective[x] ^short = "The as-of date of the evaluation"
* value[x] only boolean
* component 0..0

Profile: BlinfantDfsStatus
Parent: Observation
Id: blinfant-dfs-status
Title: "BlinFant disease-free survival status"
Description: "Event-free, or the first event (relapse, with its site, or death) and its date; effective at the event date, or at the as-of date when event-free. Written once the course has started."
* insert OutcomeObservation(dfs-status)
* effective[x] MS
* effective[x] only dateTime
* effective[x] ^short = "The event date, or the as-of date when event-free"
* value[x] only CodeableConcept
* valueCodeableConcept from DfsStatuses (required)
* insert ComponentsByCode
* component contains relapseSite 0..1 MS
* insert BlinfantComponent(relapseSite, relapse-site)
* component[relapseSite].value[x] only CodeableConcept
* component[relapseSite].valueCodeableConcept from RelapseSites (required)

Profile: BlinfantOsStatus
Parent: Observation
Id: blinfant-os-status
Title: "BlinFant overall survival status"
Description: "Alive, or deceased; effective at the death date, or at the as-of date when alive. Written once the course has started."
* insert OutcomeObservation(os-status)
* effective[x] MS
* effective[x] only dateTime
* effective[x] ^short = "The death date, or the as-of date when alive"
* value[x] only CodeableConcept
* valueCodeableConcept from OsStatuses (required)
* component 0..0
