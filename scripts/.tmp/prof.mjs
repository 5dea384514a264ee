import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2]; const f = readdirSync(dir).filter(n=>n.endsWith('.cpuprofile')).map(n=>[n,(readFileSync(dir+'/'+n).length)]).sort((a,b)=>b[1]-a[1])[0][0];
const p = JSON.parse(readFileSync(`${dir}/${f}`));
const byId = new Map(p.nodes.map(n=>[n.id,n])); const self = new Map();
const dt = p.timeDeltas; const counts = new Map();
for (let i=0;i<p.samples.length;i++){ counts.set(p.samples[i],(counts.get(p.samples[i])||0)+(dt[i]||0)); }
let total=0; for (const [id,t] of counts){ const n=byId.get(id); const cf=n.callFrame; const key=`${cf.functionName||'(anon)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber+1}`; self.set(key,(self.get(key)||0)+t); total+=t; }
for (const [k,t] of [...self].sort((a,b)=>b[1]-a[1]).slice(0,+process.argv[3]||35)) console.log((t/total*100).toFixed(1).padStart(5)+'%', k);
