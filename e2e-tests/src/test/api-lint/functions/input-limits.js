// Walks an operation's parameters and request body schemas ($refs resolved by Spectral) and reports
// each string without maxLength/enum/const, integer without minimum and maximum, and array without
// maxItems, with the path of the offending schema.
const bounded = {
  string: (s) => 'maxLength' in s || 'enum' in s || 'const' in s,
  integer: (s) => ('minimum' in s || 'exclusiveMinimum' in s) && ('maximum' in s || 'exclusiveMaximum' in s),
  array: (s) => 'maxItems' in s,
};
const wanted = { string: 'maxLength, enum or const', integer: 'minimum and maximum', array: 'maxItems' };

function walk(schema, path, seen, results) {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) {
    return;
  }
  seen.add(schema);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  for (const type of Object.keys(bounded)) {
    if (types.includes(type) && !bounded[type](schema)) {
      results.push({ message: `An input ${type} must state ${wanted[type]}`, path });
    }
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    (schema[key] || []).forEach((sub, i) => walk(sub, [...path, key, i], seen, results));
  }
  if (schema.items) {
    walk(schema.items, [...path, 'items'], seen, results);
  }
  for (const [name, sub] of Object.entries(schema.properties || {})) {
    walk(sub, [...path, 'properties', name], seen, results);
  }
  if (typeof schema.additionalProperties === 'object') {
    walk(schema.additionalProperties, [...path, 'additionalProperties'], seen, results);
  }
  seen.delete(schema);
}

export default (operation, _options, context) => {
  const results = [];
  (operation.parameters || []).forEach((parameter, i) =>
    walk(parameter.schema, [...context.path, 'parameters', i, 'schema'], new Set(), results));
  for (const [type, content] of Object.entries(operation.requestBody?.content || {})) {
    walk(content.schema, [...context.path, 'requestBody', 'content', type, 'schema'], new Set(), results);
  }
  return results;
};
