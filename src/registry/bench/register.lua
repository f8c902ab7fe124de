-- wrk script: POST /public/registrations, a household of three with a passport number and an
-- Idempotency-Key that no other request of the run uses (thread id, counter, random run prefix).
-- thread_id is a global: setup (in wrk's main Lua state) sets it in each thread's own state.
local counter = 0
local run = ""
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + thread_id)
  run = string.format("%06X", math.random(0, 0xFFFFFF))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local body = [[
{"registrant": {"givenNames": "Laila", "familyName": "Bench%s", "dateOfBirth": "1986-04-12",
  "nationality": "GB", "preferredLanguage": "fa-AF",
  "document": {"type": "PASSPORT", "number": "P%s", "issuingCountry": "GB", "expiresOn": "2029-01-31"}},
 "household": [
  {"givenNames": "Omid", "familyName": "Bench%s", "dateOfBirth": "2015-09-01", "nationality": "GB",
   "vulnerabilities": ["UNACCOMPANIED_MINOR"]},
  {"givenNames": "Farid", "familyName": "Bench%s", "dateOfBirth": "1950-02-02", "nationality": "AF",
   "vulnerabilities": ["ELDERLY", "REDUCED_MOBILITY"]}],
 "location": {"country": "AF", "region": "AF-KAB", "city": "Kabul"},
 "contacts": [{"channel": "SMS", "address": "0700 123 456"},
              {"channel": "EMAIL", "address": "Laila.Bench%s@Example.org"}],
 "consent": {"version": "2026-11", "given": true}}
]]

function request()
  counter = counter + 1
  local id = string.format("%s%02d%07d", run, thread_id, counter)
  wrk.headers["Idempotency-Key"] = "wrk-" .. id
  return wrk.format(nil, "/public/registrations", nil, string.format(body, id, id, id, id, id))
end

local non201 = 0
function response(status, headers, body)
  if status ~= 201 then
    non201 = non201 + 1
    if non201 <= 3 then print("status " .. status .. ": " .. body) end
  end
end
