import { corpusForwards, pipeline } from '/work/main/scripts/bench-core.ts';
const raws = await corpusForwards();
for (let k = 0; k < 40; k++) for (const r of raws) await pipeline(r);
