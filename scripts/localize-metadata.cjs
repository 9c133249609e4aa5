/**
 * Builds the en-US custom-functions metadata from the generated (Vietnamese) functions.json and
 * the English table in src/functions/en-US.json. Ids stay the same, so a workbook's formulas work
 * in both languages; names and descriptions change — of the functions and of their parameters
 * (Vietnamese in functions.ts: "số_tiền", English here: "amount"). Throws when anything lacks a
 * translation.
 */
function localizeMetadata(metadata, table) {
  const problems = [];
  const functions = metadata.functions.map((fn) => {
    const en = table[fn.id];
    if (!en) {
      problems.push(`no English entry for ${fn.id}`);
      return fn;
    }
    if (!en.name || !en.description) problems.push(`${fn.id}: name and description are required`);
    const parameters = fn.parameters.map((p) => {
      const param = en.parameters && en.parameters[p.name];
      if (!param || !param.description) problems.push(`${fn.id}: no English description for parameter ${p.name}`);
      if (!param || !param.name) problems.push(`${fn.id}: no English name for parameter ${p.name}`);
      return { ...p, name: param ? param.name : p.name, description: param ? param.description : undefined };
    });
    for (const name of Object.keys(en.parameters || {})) {
      if (!fn.parameters.some((p) => p.name === name)) problems.push(`${fn.id}: English entry for unknown parameter ${name}`);
    }
    return { ...fn, name: en.name, description: en.description, parameters };
  });
  for (const id of Object.keys(table)) {
    if (!metadata.functions.some((fn) => fn.id === id)) problems.push(`English entry for unknown function ${id}`);
  }
  if (problems.length > 0) throw new Error(`en-US metadata: ${problems.join('; ')}`);
  return { ...metadata, functions };
}

module.exports = { localizeMetadata };
