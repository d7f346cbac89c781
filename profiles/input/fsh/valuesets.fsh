// The value sets the outcome profiles bind (all bindings are required).

ValueSet: OutcomeStatuses
Id: outcome-status
Title: "BlinFant outcome statuses"
Description: "The Observation statuses an outcome Observation can have: final, amended (a later run changed it) or entered-in-error (its evidence was retracted and nothing replaces it)."
* insert Metadata
* $OBS_STATUS#final
* $OBS_STATUS#amended
* $OBS_STATUS#entered-in-error

ValueSet: EligibilityVerdicts
Id: eligibility-verdict
Title: "BlinFant eligibility verdicts"
Description: "The overall result of the eligibility evaluation."
* insert Metadata
* $BF#eligible
* $BF#ineligible
* $BF#undetermined

ValueSet: CriterionStatuses
Id: criterion-status
Title: "BlinFant criterion statuses"
Description: "The result of one eligibility criterion."
* insert Metadata
* $BF#met
* $BF#not-met
* $BF#unknown

ValueSet: EligibilityCriteria
Id: eligibility-criterion
Title: "BlinFant eligibility criteria"
Description: "Every inclusion criterion of the BlinFant protocol."
* insert Metadata
* include codes from system BlinfantCriterion

ValueSet: RiskGroups
Id: risk-group
Title: "Interfant-06 risk groups"
Description: "The Interfant-06 risk groups LR, MR and HR."
* insert Metadata
* include codes from system Interfant06RiskGroup

ValueSet: CourseStates
Id: course-state
Title: "Blinatumomab course states"
Description: "The state of a patient's blinatumomab course."
* insert Metadata
* $BF#not-started
* $BF#in-progress
* $BF#completed
* $BF#discontinued-toxicity
* $BF#discontinued-other

ValueSet: MrdClasses
Id: mrd-class
Title: "MRD classes"
Description: "The classes of a minimal residual disease result: negative, low positive (below 5 x 10^-4), high positive."
* insert Metadata
* $BF#negative
* $BF#low-positive
* $BF#high-positive

ValueSet: DfsStatuses
Id: dfs-status
Title: "Disease-free survival statuses"
Description: "Event-free, or the first event: relapse or death."
* insert Metadata
* $BF#event-free
* $BF#relapse
* $BF#death

ValueSet: RelapseSites
Id: relapse-site
Title: "Relapse sites"
Description: "The site of a relapse of ALL."
* insert Metadata
* $BF#bone-marrow
* $BF#cns
* $BF#combined

ValueSet: OsStatuses
Id: os-status
Title: "Overall survival statuses"
Description: "Alive or deceased."
* insert Metadata
* $BF#alive
* $BF#deceased

ValueSet: InputConcepts
Id: blinfant-input
Title: "BlinFant adapter input concepts"
Description: "Every input concept of the adapter: the targets a site ConceptMap may map its local codes to."
* insert Metadata
* include codes from system BlinfantInput
