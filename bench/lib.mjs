// Helpers shared by the benchmarks of bench/ (inputs and CPU timers), so every benchmark measures the same way.
import { randomBytes } from 'node:crypto';

/** A one-page classic-xref PDF padded with an incompressible stream to about `size` bytes. */
export function paddedPdf(size) {
  const pad = randomBytes(Math.ceil(size / 2)).toString('hex').slice(0, Math.max(0, size - 1200));
  const content = 'BT /F1 24 Tf 72 720 Td (Benchmark) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /PieceInfo << /Pad << /Private 6 0 R >> >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${pad.length} >>\nstream\n${pad}\nendstream`,
  ];
  let out = '%PDF-1.7\n';
  const offsets = [];
  objects.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

// CPU time of this process (user + system), not wall time: the machines running this are shared, and CPU time
// is what the ratio is about. Both the bound and the operations are measured the same way.
export function cpuMs(start) {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

export function time(fn, runs) {
  for (let i = 0; i < Math.min(30, runs); i++) fn();
  const t = process.cpuUsage();
  for (let i = 0; i < runs; i++) fn();
  return cpuMs(t) / runs;
}

export async function timeAsync(fn, runs) {
  for (let i = 0; i < Math.min(30, runs); i++) await fn();
  const t = process.cpuUsage();
  for (let i = 0; i < runs; i++) await fn();
  return cpuMs(t) / runs;
}
