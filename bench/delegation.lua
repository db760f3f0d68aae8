-- wrk script for ./ordergate bench: POSTs SCAYLE order delegations with Basic Auth.
--   BENCH_AUTH      the Authorization header value ("Basic ...")
--   BENCH_MERCHANT  the merchant key the credential belongs to
--   BENCH_MODE      "new": every request is a new order (a reference never used before);
--                   "known": each connection's thread cycles through BENCH_KNOWN references
--                   (run once to create them, then every request is a redelivery of a known order)
--   BENCH_RUN       a run id that keeps references of different runs apart
-- done() prints the figures as one JSON line prefixed with "BENCH_JSON ".
-- The body is the realistic 2-item order of the integration tests (webapp/.../it/Orders.java).

local auth = os.getenv("BENCH_AUTH")
local merchant = os.getenv("BENCH_MERCHANT")
local mode = os.getenv("BENCH_MODE") or "new"
local known = tonumber(os.getenv("BENCH_KNOWN") or "100")
local run = os.getenv("BENCH_RUN") or tostring(os.time())

local threads = {}
local next_id = 0

function setup(thread)
   next_id = next_id + 1
   thread:set("thread_id", next_id)
   table.insert(threads, thread)
end

local counter = 0

local template = [[{
  "referenceKey": "%s",
  "orderReferenceKey": "%s-o",
  "orderId": 99110901,
  "id": 15174,
  "companyId": 1000, "shopId": 10001, "shopKey": "fa", "countryCode": "AT", "languageCode": "de_DE",
  "fulfillingMerchantKey": "%s",
  "paymentMethod": "paypal_instant",
  "carrier": {"key": "POST_AT"},
  "customer": {"referenceKey": "763", "email": "jane@example.com", "customData": []},
  "addresses": {
    "billing":  {"firstName": "Jane", "lastName": "Doe", "street": "Hauptstrasse", "houseNumber": "1",
                 "zipCode": "1010", "city": "Wien", "countryCode": "AT", "collectionPoint": null},
    "shipping": {"firstName": "Jane", "lastName": "Doe", "street": "Ring", "houseNumber": "2",
                 "zipCode": "1020", "city": "Wien", "countryCode": "AT", "collectionPoint": null}
  },
  "items": [
    {"referenceKey": "1968655", "orderItemId": 1968655, "merchantKey": "%s", "quantity": 1,
     "merchantProductVariantReferenceKey": "SKU-1022643", "name": "Sunglasses X",
     "currencyCode": "EUR", "price": 9900, "priceWithoutTax": 8049, "tax": 23, "taxAmount": 1851,
     "warehouseReferenceKey": "WH1"},
    {"referenceKey": "1968656", "orderItemId": 1968656, "merchantKey": "%s", "quantity": 2,
     "merchantProductVariantReferenceKey": "SKU-738854", "name": "Aviator",
     "currencyCode": "EUR", "price": 41890, "priceWithoutTax": 34057, "tax": 23, "taxAmount": 7833,
     "warehouseReferenceKey": "WH1"}
  ]
}]]

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
   local body = string.format(template, reference, reference, merchant, merchant, merchant)
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
