/**
 * User text (node ids, labels, the project name) enters generated Python only through these
 * helpers: as an ASCII-only string literal, inside a comment as such a literal, or as a generated
 * identifier. Nothing a user types can end a string, a comment or a line.
 */

/** Names a generated identifier must not take: keywords, names the generated code uses, nn.Module members. */
const RESERVED = new Set(
  [
    // Python keywords and soft keywords.
    'False None True and as assert async await break class continue def del elif else except finally for from global if',
    'import in is lambda nonlocal not or pass raise return try while with yield match case type',
    // Builtins and module-level names the generated files use.
    'self super print len range int float str list dict tuple set min max sum abs isinstance open object',
    'math torch nn F np Generator Discriminator',
    'same_padding pad_same max_pool_tf avg_pool_tf resize_indices upsample_tf TfConvTranspose2d TfBatchNorm init_like_tfjs',
    // nn.Module members (torch 1.13 and later), so that `self.<name>` never shadows one.
    'T_destination add_module apply bfloat16 buffers children compile cpu cuda double dump_patches eval extra_repr float',
    'forward get_buffer get_extra_state get_parameter get_submodule half ipu load_state_dict modules mtia named_buffers',
    'named_children named_modules named_parameters parameters register_backward_hook register_buffer register_forward_hook',
    'register_forward_pre_hook register_full_backward_hook register_full_backward_pre_hook register_load_state_dict_post_hook',
    'register_load_state_dict_pre_hook register_module register_parameter register_state_dict_post_hook',
    'register_state_dict_pre_hook requires_grad_ set_extra_state set_submodule share_memory state_dict to to_empty train',
    'training xpu zero_grad call_super_init TFJS_LAYERS',
  ]
    .join(' ')
    .split(' '),
);

/**
 * A double-quoted Python string literal holding exactly `text`, ASCII only: JSON's escapes (all
 * valid in Python) plus `\uXXXX` / `\UXXXXXXXX` for every character outside printable ASCII.
 */
export function pyString(text: string): string {
  return JSON.stringify(text).replace(/[^\x20-\x7e]/gu, (c) => {
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A one-line comment; throws if the text could leave the line (it never holds raw user text). */
export function pyComment(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`internal: comment text must be printable ASCII: ${JSON.stringify(text)}`);
  return `# ${text}`;
}

/** The comment that names the node a block comes from: `# node "g1" (label "…"): dense`. */
export function nodeComment(node: { id: string; label?: string; kind: string }): string {
  const label = node.label !== undefined && node.label !== '' ? ` (label ${pyString(node.label)})` : '';
  return pyComment(`node ${pyString(node.id)}${label}: ${node.kind}`);
}

/** A finite JS number as a Python literal (`0.0002`, `1e-7`, `-1`). */
export function pyNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`internal: ${value} has no Python literal here`);
  return String(value);
}

/** A Python bool literal. */
export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/**
 * Gives each name a distinct, valid, non-reserved Python identifier: `g1` stays `g1`, `my-node`
 * becomes `my_node`, `class` becomes `class_`, `9lives` becomes `n9lives`, a clash gets `_2`, `_3`.
 */
export function identifiers(names: readonly string[], taken: Iterable<string> = []): Map<string, string> {
  const used = new Set(taken);
  const out = new Map<string, string>();
  for (const name of names) {
    let base = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^_+/, '') || 'n';
    if (/^[0-9]/.test(base)) base = `n${base}`;
    if (RESERVED.has(base)) base = `${base}_`;
    let id = base;
    for (let i = 2; used.has(id) || RESERVED.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    out.set(name, id);
  }
  return out;
}
