-- Shared by the bench scripts: count responses per status class in each thread and print
-- one JSON line with throughput, latency percentiles and those counts when wrk is done.
local threads = {}

function bench_setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

function bench_count(status)
   local class = "s" .. math.floor(status / 100) .. "xx"
   counts[class] = (counts[class] or 0) + 1
end

function bench_done(summary, latency, requests)
   local classes = { s1xx = 0, s2xx = 0, s3xx = 0, s4xx = 0, s5xx = 0 }
   local exhausted = 0
   for _, thread in ipairs(threads) do
      local thread_counts = thread:get("counts")
      for class, count in pairs(thread_counts) do
         classes[class] = (classes[class] or 0) + count
      end
      if thread:get("exhausted") then
         exhausted = exhausted + 1
      end
   end
   local errors = summary.errors
   io.write(string.format(
      'BENCH_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
      '"mean_us": %.1f, "p50_us": %d, "p90_us": %d, "p95_us": %d, "p99_us": %d, ' ..
      '"max_us": %d, "s2xx": %d, "s3xx": %d, "s4xx": %d, "s5xx": %d, ' ..
      '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, ' ..
      '"exhausted_threads": %d, "threads": %d}\n',
      summary.requests, summary.duration, summary.bytes,
      latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(95),
      latency:percentile(99), latency.max,
      classes.s2xx, classes.s3xx, classes.s4xx, classes.s5xx,
      errors.connect, errors.read, errors.write, errors.timeout,
      exhausted, #threads))
end
