// The CapabilityStatement: what this server really does (every resource type Medplum's
// definitions know, with their search parameters), stated the way the adapter's go-live
// check reads it.
import { globalSchema } from '@medplum/core';

const RESOURCE_PARAMS = [
  { name: '_id', type: 'token' },
  { name: '_lastUpdated', type: 'date' },
  { name: '_tag', type: 'token' },
];

const BULK = 'http://hl7.org/fhir/uv/bulkdata/';
const BULK_OPERATIONS = {
  Patient: { name: 'export', definition: BULK + 'OperationDefinition/patient-export' },
  Group: { name: 'export', definition: BULK + 'OperationDefinition/group-export' },
};

export function capabilityStatement(base, version, auth) {
  const resource = Object.keys(globalSchema.types)
    .filter((type) => /^[A-Z]/.test(type) && globalSchema.types[type].searchParams && isResourceType(type))
    .sort()
    .map((type) => ({
      type,
      ...(BULK_OPERATIONS[type] ? { operation: [BULK_OPERATIONS[type]] } : {}),
      interaction: ['read', 'vread', 'update', 'delete', 'history-instance', 'create', 'search-type'].map((code) => ({ code })),
      versioning: 'versioned',
      readHistory: true,
      updateCreate: true,
      conditionalCreate: true,
      conditionalRead: 'not-supported',
      conditionalUpdate: true,
      conditionalDelete: 'single',
      referencePolicy: ['literal', 'logical'],
      searchParam: [
        ...RESOURCE_PARAMS,
        ...Object.values(globalSchema.types[type].searchParams)
          .filter((p) => !p.code.startsWith('_'))
          .map((p) => ({ name: p.code, type: p.type }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      ],
    }));
  const security = auth.enabled
    ? {
        cors: false,
        service: [
          {
            coding: [
              auth.smart
                ? { system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }
                : { system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'OAuth' },
            ],
          },
        ],
        ...(auth.smart
          ? {
              extension: [
                {
                  url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
                  extension: [{ url: 'token', valueUri: base.replace(/\/fhir\/R4$/, '') + '/auth/token' }],
                },
              ],
            }
          : {}),
      }
    : undefined;
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    publisher: 'Interop test FHIR server',
    kind: 'instance',
    software: { name: 'Interop test FHIR server (Medplum fhir-router in memory)', version },
    implementation: { description: 'In-memory FHIR R4 server for tests', url: base },
    instantiates: [BULK + 'CapabilityStatement/bulk-data'],
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        ...(security ? { security } : {}),
        resource,
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        operation: [{ name: 'export', definition: BULK + 'OperationDefinition/export' }],
        searchParam: RESOURCE_PARAMS,
      },
    ],
  };
}

function isResourceType(type) {
  const schema = globalSchema.types[type];
  return Boolean(schema.searchParams?._id ?? schema.searchParams?._lastUpdated ?? Object.keys(schema.searchParams).length);
}
