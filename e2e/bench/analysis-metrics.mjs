// Writes three hours of one-minute samples for 50 services in OpenMetrics, for promtool to backfill:
// latency (ms), CPU (cores), error ratio and requests per second per service, with daily seasonality
// and noise, and one fault: svc-17's CPU saturates 40 minutes before the end, its three callers' latency rises a
// minute later. Usage: node analysis-metrics.mjs END_EPOCH_SECONDS > metrics.om
const end = Number(process.argv[2])
const services = Array.from({ length: 50 }, (_, i) => `svc-${String(i + 1).padStart(2, '0')}`)
const faultAt = end - 40 * 60
const culprit = 'svc-17'
const victims = new Set(['svc-16', 'svc-18', 'svc-30'])
let seed = 20261130
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const noise = () => (random() + random() + random() - 1.5) * 2 // roughly normal, sd 1

const metrics = {
  bench_latency_ms: (service, i, t) => 80 + 10 * i % 40 + 15 * Math.sin((2 * Math.PI * t) / 86400) + 4 * noise()
    + (victims.has(service) && t >= faultAt + 60 ? 400 : 0),
  bench_cpu_cores: (service, i, t) => 0.4 + 0.1 * Math.sin((2 * Math.PI * t) / 86400 + i) + 0.02 * noise()
    + (service === culprit && t >= faultAt ? 1.5 : 0),
  bench_error_ratio: (service, i, t) => Math.max(0, 0.002 + 0.0005 * noise()
    + (victims.has(service) && t >= faultAt + 120 ? 0.05 : 0)),
  bench_requests_per_second: (service, i, t) => 50 + 5 * (i % 7) + 10 * Math.sin((2 * Math.PI * t) / 86400) + 2 * noise(),
}

const lines = []
for (const [name, value] of Object.entries(metrics)) {
  lines.push(`# TYPE ${name} gauge`)
  services.forEach((service, i) => {
    for (let t = end - 3 * 3600; t <= end; t += 60) {
      lines.push(`${name}{service="${service}"} ${value(service, i, t).toFixed(6)} ${t}`)
    }
  })
}
lines.push('# EOF')
process.stdout.write(lines.join('\n') + '\n')
