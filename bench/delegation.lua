-- wrk script for ./ordergate bench: POSTs SCAYLE order delegations with Basic Auth.
--   BENCH_AUTH      the Authorization header value ("Basic ...")
--   BENCH_MERCHANT  the merchant key the credential belongs to
--   BENCH_MODE      "new": every request is a new order (a reference never used before);
--                   "known": each connection's thread cycles through BENCH_KNOWN references
--                   (run once to create them, then every request is a redelivery of a known order)
--   BENCH_RUN       a run id that keeps references of different runs apart
--   BENCH_STOCK_SKUS when set (a number n), the template's two SKUs are replaced per request by two of
--                   BENCH-SKU-0 .. BENCH-SKU-(n-1), so that every order reserves stock for SKUs that
--                   have levels (bench.sh sets them), spread over n rows
--   BENCH_PAYLOAD   the order's template (default fixtures/scayle-order-delegation.json, the one the
--                   integration tests send), its {{reference}} and {{merchant}} filled in per request
-- done() prints the figures as one JSON line prefixed with "BENCH_JSON ".

local auth = os.getenv("BENCH_AUTH")
local merchant = os.getenv("BENCH_MERCHANT")
local mode = os.getenv("BENCH_MODE") or "new"
local known = tonumber(os.getenv("BENCH_KNOWN") or "100")
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local skus = tonumber(os.getenv("BENCH_STOCK_SKUS") or "0")

local threads = {}
local next_id = 0

function setup(thread)
   next_id = next_id + 1
   thread:set("thread_id", next_id)
   table.insert(threads, thread)
end

local counter = 0

-- The example every test sends (fixtures/README.md); wrk runs from the repository root (bench.sh).
local function read(path)
   local file = assert(io.open(path, "rb"))
   local text = file:read("*a")
   file:close()
   return text
end
local template = read(os.getenv("BENCH_PAYLOAD") or "fixtures/scayle-order-delegation.json")

-- Plain text replacement: gsub's pattern and replacement syntax must not see the values.
local function fill(text, placeholder, value)
   local from, to = text:find(placeholder, 1, true)
   while from do
      text = text:sub(1, from - 1) .. value .. text:sub(to + 1)
      from, to = text:find(placeholder, from + #value, true)
   end
   return text
end

local headers = {
   ["Authorization"] = auth,
   ["Content-Type"] = "application/json",
}

function request()
   counter = counter + 1
   local reference
   if mode == "known" then
      reference = string.format("known-%s-%d-%d", run, thread_id, counter % known)
   else
      reference = string.format("new-%s-%d-%d", run, thread_id, counter)
   end
   headers["X-Request-Id"] = reference .. "-" .. counter
   local body = fill(fill(template, "{{reference}}", reference), "{{merchant}}", merchant)
   if skus > 0 then
      local first = (thread_id * 7919 + counter * 2) % skus
      body = fill(body, "SKU-1022643", "BENCH-SKU-" .. first)
      body = fill(body, "SKU-738854", "BENCH-SKU-" .. ((first + 1) % skus))
   end
   return wrk.format("POST", nil, headers, body)
end

local non2xx = 0

function response(status, headers, body)
   if status >= 300 then
      non2xx = non2xx + 1
   end
end

function done(summary, latency, requests)
   local bad = 0
   for _, thread in ipairs(threads) do
      bad = bad + (thread:get("non2xx") or 0)
   end
   local seconds = summary.duration / 1e6
   io.write(string.format(
      'BENCH_JSON {"requests":%d,"duration_s":%.2f,"rps":%.1f,"non_2xx":%d,"socket_errors":%d,' ..
      '"p50_ms":%.2f,"p99_ms":%.2f,"p999_ms":%.2f,"max_ms":%.2f}\n',
      summary.requests, seconds, summary.requests / seconds, bad,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
      latency.max / 1000))
end
