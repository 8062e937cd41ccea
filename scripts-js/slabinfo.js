// The slab caches like /proc/slabinfo's first columns (same output as scripts-py/slabinfo.py).
//
//     ./jdrgn -c VMCORE -s VMLINUX scripts-js/slabinfo.js

const { forEachSlabCache } = drgn.helpers;

console.log(`${'NAME'.padEnd(28)} ${'OBJSIZE'.padStart(8)} ${'SIZE'.padStart(6)} ${'PERSLAB'.padStart(7)} MERGED`);
for (const s of forEachSlabCache(prog)) {
    const perSlab = Number(s.oo.x.value_() & 0xffffn);   // order << 16 | objects
    const merged = s.refcount.value_() > 1n ? 'yes' : 'no';   // drgn's slab_cache_is_merged (SLUB)
    console.log(`${String(s.name.string_()).padEnd(28)} ${String(s.object_size.value_()).padStart(8)} `
        + `${String(s.size.value_()).padStart(6)} ${String(perSlab).padStart(7)} ${merged}`);
}
