// Validates rendered manifests offline: every object against its schema, then the installation rules
// (rules.mjs) per object. Usage: kubectl kustomize OVERLAY | node validate.mjs OVERLAY-NAME
//
// Schemas: Kubernetes' own kinds and the CRDs of prometheus-operator, CloudNativePG's Cluster and the
// Gateway API from the kubernetes-models packages; Kubernetes' kinds are also checked for fields the
// API does not know (a misspelt `readinesProbe` would otherwise pass) with the models of the official
// JavaScript client. CRDs no package carries are read from crds/ (the Keycloak operator's, CloudNativePG's
// Database, the Redis operator's RedisCluster; sources in crds/README.md) and checked with Ajv, unknown
// fields refused as the API server's strict field validation does.
import { readFileSync, readdirSync } from "node:fs";
import { parseAllDocuments, parse } from "yaml";
import Ajv from "ajv";
import * as clientModels from "@kubernetes/client-node/dist/gen/models/ObjectSerializer.js";
import { rulesFor } from "./rules.mjs";

const modelPackages = {
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
  "gateway.networking.k8s.io": "@kubernetes-models/gateway-api",
};

const crdSchemas = loadCrds(new URL("./crds/", import.meta.url));

function loadCrds(folder) {
  // Kubernetes' integer formats are checked by type already; time stamps appear in status only.
  const ajv = new Ajv({ strict: false, allErrors: true, formats: { int32: true, int64: true, "date-time": true } });
  const schemas = new Map();
  for (const file of readdirSync(folder).filter((name) => /\.ya?ml$/.test(name))) {
    const crd = parse(readFileSync(new URL(file, folder), "utf8"));
    for (const version of crd.spec.versions) {
      const schema = structuredClone(version.schema.openAPIV3Schema);
      // Every object has these; some CRDs leave them out of their schema.
      schema.properties = { apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" }, ...schema.properties };
      closed(schema);
      schemas.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, ajv.compile(schema));
    }
  }
  return schemas;
}

/** Objects with declared properties take no others, unless the CRD keeps unknown fields on purpose. */
function closed(schema) {
  if (schema && typeof schema === "object") {
    if (schema.properties && schema.additionalProperties === undefined && !schema["x-kubernetes-preserve-unknown-fields"]) {
      schema.additionalProperties = false;
    }
    for (const value of Object.values(schema)) closed(value);
  }
  return schema;
}

async function schemaProblems(object) {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  const crd = crdSchemas.get(`${group}/${version}/${object.kind}`);
  if (crd) {
    return crd(object) ? [] : crd.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ""}`);
  }
  const module = group in modelPackages ? `${modelPackages[group]}/${group}/${version}/${object.kind}`
    : `kubernetes-models/${group || "v1"}${group ? `/${version}` : ""}/${object.kind}`;
  let Model;
  try {
    Model = (await import(module))[object.kind];
  } catch {
    return [`no schema known for ${object.apiVersion} ${object.kind}`];
  }
  const problems = [];
  try {
    new Model(object).validate();
  } catch (e) {
    problems.push(e.message);
  }
  if (!(group in modelPackages)) {
    const type = `${version[0].toUpperCase()}${version.slice(1)}${object.kind}`;
    if (clientModels[type]) unknownFields(object, type, "", problems);
  }
  return problems;
}

/** Walks the value with the client's type map and reports every field the type does not declare. */
function unknownFields(value, type, path, problems) {
  if (value === null || value === undefined) return;
  const list = /^Array<(.+)>$/.exec(type);
  if (list) {
    if (Array.isArray(value)) value.forEach((item, i) => unknownFields(item, list[1], `${path}[${i}]`, problems));
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof value === "object") for (const [key, item] of Object.entries(value)) unknownFields(item, map[1], `${path}.${key}`, problems);
    return;
  }
  const model = clientModels[type];
  if (!model?.getAttributeTypeMap || typeof value !== "object") return;
  const attributes = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [key, item] of Object.entries(value)) {
    if (!attributes.has(key)) problems.push(`${path}.${key}: no such field in ${type}`);
    else unknownFields(item, attributes.get(key), `${path}.${key}`, problems);
  }
}

const overlay = process.argv[2];
const input = readFileSync(0, "utf8");
const objects = parseAllDocuments(input).map((d) => d.toJS()).filter(Boolean);
const problems = [];
for (const object of objects) {
  for (const problem of await schemaProblems(object)) problems.push(`${object.kind}/${object.metadata?.name}: ${problem}`);
}
problems.push(...rulesFor(overlay, objects));
if (problems.length) {
  console.error(`${overlay}: ${problems.length} problem(s)\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
const kinds = objects.reduce((all, o) => all.set(o.kind, (all.get(o.kind) ?? 0) + 1), new Map());
console.log(`${overlay}: ${objects.length} objects valid (${[...kinds].map(([k, n]) => `${n} ${k}`).join(", ")}), rules hold`);
