// The project's code systems. Displays of codes the adapter writes with a display (the outcome codes
// and trial-assessment: src/Interop.Fhir/Outcomes/OutcomeCodes.cs and ObservationScaffold.cs) are
// the same text here.

CodeSystem: BlinfantCodes
Id: blinfant
Title: "BlinFant outcome codes"
Description: "Codes of the outcome Observations the Interop adapter writes for the BlinFant trial (blinatumomab added to Interfant-06 in infants with newly diagnosed KMT2A-rearranged ALL): the outcome kinds (Observation.code), the category, the outcome values and the component codes."
* insert Metadata
* ^caseSensitive = true
* ^content = #complete
// Category
* #trial-assessment "Trial assessment" "An assessment derived for the BlinFant trial by the Interop adapter from the patient's EHR records; the category of every outcome Observation."
// Outcome kinds
* #eligibility "BlinFant eligibility" "Whether the patient meets the inclusion criteria of the BlinFant protocol, evaluated from EHR data as of a given date, with one component per criterion."
* #interfant06-risk-group "Interfant-06 risk group" "The Interfant-06 risk group (LR, MR or HR) derived from the KMT2A status, the age at diagnosis, the white-cell count at diagnosis and the prednisone response."
* #blinatumomab-course "Blinatumomab course" "The state of the patient's blinatumomab course (one 28-day continuous infusion after induction), with infusion days, cumulative dose per square metre and interruptions."
* #mrd-after-blinatumomab "MRD after blinatumomab" "The class of the last minimal residual disease result dated within the blinatumomab course or up to 7 days after its last administration."
* #primary-endpoint "Primary endpoint (blinatumomab-attributable toxicity leading to death or permanent discontinuation)" "The trial's primary safety endpoint: true when a toxic effect possibly or definitely attributable to blinatumomab resulted in death or in permanent discontinuation of blinatumomab."
* #dfs-status "Disease-free survival status" "The disease-free survival status: event-free, or the first event (relapse at any site or death from any cause) and its date."
* #os-status "Overall survival status" "The overall survival status: alive as of the evaluation date, or deceased and the date of death."
// Eligibility verdicts
* #eligible "Eligible" "Every inclusion criterion is met."
* #ineligible "Ineligible" "At least one inclusion criterion is not met."
* #undetermined "Undetermined" "No criterion is not met, but at least one is unknown (data missing, contradictory or not yet available)."
// Criterion statuses
* #met "Met" "The criterion is satisfied by the patient's data."
* #not-met "Not met" "The patient's data show that the criterion is not satisfied."
* #unknown "Unknown" "The criterion cannot be decided: the data are missing, contradictory or not yet available."
// Course states
* #not-started "Not started" "No blinatumomab administration has started."
* #in-progress "In progress" "The blinatumomab course has started and has neither completed nor been discontinued."
* #completed "Completed" "The course reached 28 or more infusion days, or the planned course ended."
* #discontinued-toxicity "Discontinued for toxicity" "The last administration was stopped or not done for an adverse reaction and no administration followed within 14 days."
* #discontinued-other "Discontinued for another reason" "The course ended early for a reason other than toxicity."
// MRD classes
* #negative "MRD negative" "No minimal residual disease detected."
* #low-positive "MRD low positive" "Minimal residual disease detected below 5 x 10^-4 (0.05%), including positive but not quantifiable."
* #high-positive "MRD high positive" "Minimal residual disease of 5 x 10^-4 (0.05%) or more."
// Disease-free survival
* #event-free "Event-free" "Neither relapse nor death has been recorded up to the evaluation date (censored at that date)."
* #relapse "Relapse" "The first event is a relapse of ALL after complete remission."
* #death "Death" "The first event is death from any cause."
// Relapse sites
* #bone-marrow "Bone marrow" "Relapse in the bone marrow only (M3 marrow: 25% blasts or more)."
* #cns "Central nervous system" "Relapse in the central nervous system only (CNS3: blasts in the cerebrospinal fluid with 5 or more white cells per microlitre)."
* #combined "Combined" "Relapse in the bone marrow and the central nervous system together."
// Overall survival
* #alive "Alive" "The patient is alive as of the evaluation date (censored at that date)."
* #deceased "Deceased" "The patient has died; the date of death is the Observation's effective date."
// Component codes
* #infusion-days "Infusion days" "Whole days covered by blinatumomab administrations that were completed, in progress or stopped (overlaps merged, rounded down)."
* #cumulative-dose "Cumulative dose per square metre" "The total blinatumomab dose administered per square metre of body-surface area."
* #interruptions "Interruptions" "The number of gaps of more than 24 hours between consecutive blinatumomab administrations."
* #mrd-level "MRD level" "The quantified minimal residual disease level as a fraction of cells (UCUM 1)."
* #relapse-site "Relapse site" "The site of a relapse: bone marrow, central nervous system, or both."

CodeSystem: BlinfantCriterion
Id: blinfant-criterion
Title: "BlinFant eligibility criteria"
Description: "The inclusion criteria of the BlinFant protocol, as evaluated by the Interop adapter: the codes of the eligibility Observation's components and of the enrollment Group's characteristics."
* insert Metadata
* ^caseSensitive = true
* ^content = #complete
* #age-at-diagnosis "Age below 365 days at diagnosis" "The patient was younger than 365 days at the diagnosis of ALL (from the birth date and the diagnosis date)."
* #age-at-blinatumomab-start "Age above 28 days at blinatumomab start" "The patient was older than 28 days at the start of the first blinatumomab administration."
* #newly-diagnosed-bcp-all "Newly diagnosed B-precursor ALL" "Newly diagnosed B-precursor acute lymphoblastic leukemia, confirmed by morphology and immunophenotyping, with no relapse of ALL recorded before the diagnosis."
* #cd19-positive "CD19-positive blasts" "The leukemic blasts are CD19-positive (a coded positive result, or a percentage of CD19-positive blasts at or above the configured threshold)."
* #kmt2a-rearranged "KMT2A rearranged (Interfant-06 MR or HR)" "KMT2A (MLL) is rearranged with any partner, or its status was not evaluable (stratified as MR); germline KMT2A does not meet the criterion."
* #induction-given "Interfant-06 induction given" "Treated according to the Interfant-06 backbone: induction drugs administered starting within 7 days before or after the diagnosis date."
* #eoi-marrow-m1-m2 "M1 or M2 marrow at end of induction" "The last bone-marrow blast percentage in the end-of-induction window (about day 33, before blinatumomab) is below 25% (M1 or M2)."

CodeSystem: Interfant06RiskGroup
Id: interfant06-risk-group
Title: "Interfant-06 risk groups"
Description: "The risk groups of the Interfant-06 protocol for infants with ALL."
* insert Metadata
* ^caseSensitive = true
* ^content = #complete
* #LR "Low risk" "KMT2A not rearranged (germline)."
* #MR "Medium risk" "KMT2A rearranged and not high risk, or KMT2A status not evaluable."
* #HR "High risk" "KMT2A rearranged, age below 6 months at diagnosis, and a white-cell count at diagnosis of 300 x 10^9/L or more or a poor prednisone response (1000 or more blasts per microlitre in peripheral blood on day 8)."

CodeSystem: BlinfantInput
Id: blinfant-input
Title: "BlinFant adapter input concepts"
Description: "The concepts the Interop adapter recognises in its input. Standard codes map to them in the shipped default ConceptMap (profiles/terminology/); a site maps its local codes to them with its own ConceptMap (group.target = this code system, equivalence equivalent). A coding in this system itself resolves to the concept directly."
* insert Metadata
* ^caseSensitive = true
* ^content = #complete
* #bcp-all "B-precursor ALL" "A diagnosis of B-precursor or B-cell acute lymphoblastic leukemia."
* #all-unspecified-lineage "ALL, lineage unspecified" "A diagnosis of acute lymphoblastic leukemia that does not state the lineage; B-lineage then needs CD19-positive blasts."
* #all-relapse "ALL in relapse" "A diagnosis code of acute lymphoblastic leukemia that states the disease is in relapse."
* #kmt2a-rearrangement "KMT2A rearrangement test" "A test for KMT2A (MLL) gene rearrangement, with a coded present/absent (or not evaluable) result."
* #bm-blasts-percent "Bone-marrow blasts (percent)" "Blasts in bone marrow as a percentage of nucleated cells."
* #mrd "MRD, method unstated" "Minimal residual disease, measurement method not stated."
* #mrd-pcr "MRD by PCR" "Minimal residual disease measured by PCR (KMT2A fusion breakpoint or IG/TR rearrangements)."
* #mrd-flow "MRD by flow cytometry" "Minimal residual disease measured by flow cytometry."
* #cd19-blasts "CD19 on blasts" "CD19 expression on leukemic blasts, coded positive/negative or as a percentage of blasts."
* #wbc "White-cell count" "The white-cell (leukocyte) count per volume of blood."
* #pb-blasts-absolute "Peripheral-blood blasts (absolute)" "Blasts per volume of peripheral blood."
* #csf-blasts "CSF blasts" "Blasts per volume of cerebrospinal fluid."
* #csf-wbc "CSF white cells" "White cells per volume of cerebrospinal fluid."
* #bsa "Body-surface area" "The patient's body-surface area."
* #blinatumomab "Blinatumomab" "A blinatumomab product or substance."
* #induction-drug "Interfant-06 induction drug" "A drug of the Interfant-06 induction (prednisone or prednisolone, dexamethasone, vincristine, daunorubicin, cytarabine, asparaginase or pegaspargase, methotrexate)."
* #adverse-reaction "Adverse reaction" "A MedicationAdministration status reason meaning the administration was stopped or not given because of toxicity."
* #positive "Positive" "A result answer meaning present, detected or positive."
* #negative "Negative" "A result answer meaning absent, not detected or negative."
* #not-evaluable "Not evaluable" "A result answer meaning the test could not be evaluated."
* #positive-not-quantifiable "Positive, not quantifiable" "A result answer meaning detected but below the quantifiable range."
