// The Provenance written with each patient's outcomes (docs/outcomes.md, "How it is written", ADR 0002):
// the adapter (a Device, with its version) as agent, every evidence record as a source entity.
Profile: BlinfantProvenance
Parent: Provenance
Id: blinfant-provenance
Title: "BlinFant outcome provenance"
Description: "The provenance of one patient's outcome Observations: the Observations written with it as targets, the Interop adapter as a Device agent, and every evidence record (of any type, versioned where known) as an entity with role source."
* insert Metadata
* target 1..* MS
* target only Reference(Observation)
* target ^short = "The outcome Observations written with this Provenance"
* recorded 1..1 MS
* recorded ^short = "The as-of instant of the evaluation"
* agent 1..* MS
* agent.who MS
* agent.who only Reference(Device)
* agent.who ^short = "The Interop adapter, with its version"
* entity MS
* entity.role = #source (exactly)
* entity.what MS
* entity.what ^short = "An evidence record: Type/id or Type/id/_history/version"
