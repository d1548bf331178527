const {build}=require("esbuild");const path=require("path");
build({entryPoints:{cli:"src/cli/main.ts"},bundle:true,platform:"node",format:"esm",target:"node20",outdir:"/tmp/mf",splitting:true,chunkNames:"chunks/[name]-[hash]",external:["bullmq","ioredis"],metafile:true,write:true}).then(r=>{
const outs=r.metafile.outputs;const seen=new Set();const st=[path.relative(process.cwd(),"/tmp/mf/cli.js")];
while(st.length){const o=st.pop();if(seen.has(o))continue;seen.add(o);for(const i of outs[o].imports){if(i.kind==="import-statement"&&outs[i.path])st.push(i.path); if(i.kind==="import-statement"&&i.external) console.log("builtin",i.path)}}
const inputs=new Map();for(const o of seen){for(const [k,v] of Object.entries(outs[o].inputs))inputs.set(k,v.bytesInOutput)}
console.log("fast path bytes",[...inputs.values()].reduce((a,b)=>a+b,0));
const byDir=new Map();for(const [k,v] of inputs){const d=k.split("/").slice(0,2).join("/");byDir.set(d,(byDir.get(d)||0)+v)}
console.log([...byDir].sort((a,b)=>b[1]-a[1]).map(x=>x.join(" ")).join("\n"));
if(process.argv[2])console.log([...inputs].sort((a,b)=>b[1]-a[1]).slice(0,+process.argv[2]).map(x=>x.join(" ")).join("\n"));
})
