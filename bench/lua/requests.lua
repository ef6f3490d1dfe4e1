-- wrk: the requests of a file made by bench/ (one a line: "GET <path>" or "FILE <path>"), each
-- thread going through them from its own place: the mix of P4, or P2's one filing again and again.
-- GETs carry the session as a cookie (pages) and a bearer token (the API); FILE posts a filing
-- with an Idempotency-Key of its own (so each is a new filing). Counts what was created (201)
-- and what was refused or failed (4xx, 5xx).
-- Arguments (after --): the requests file, the token, the filing body's file, its Content-Type,
-- a key prefix.
local threads = {}

function setup(thread)
   thread:set("number", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   lines = {}
   for line in io.lines(args[1]) do table.insert(lines, line) end
   local file = assert(io.open(args[3], "rb"))
   filing = file:read("*a")
   file:close()
   read_headers = {["Cookie"] = "openecf_cso=" .. args[2], ["Authorization"] = "Bearer " .. args[2]}
   file_headers = {["Authorization"] = "Bearer " .. args[2], ["Content-Type"] = args[4]}
   prefix = args[5] .. "-" .. number .. "-"
   position = (number * 7919) % #lines
   sent = 0
   created = 0
   failed = 0
end

function request()
   position = position % #lines + 1
   sent = sent + 1
   local kind, path = lines[position]:match("^(%S+) (.+)$")
   if kind == "FILE" then
      file_headers["Idempotency-Key"] = prefix .. sent
      return wrk.format("POST", path, file_headers, filing)
   end
   return wrk.format("GET", path, read_headers)
end

function response(status, headers, body)
   if status == 201 then created = created + 1 end
   if status >= 400 then failed = failed + 1 end
end

function done(summary, latency, requests)
   local created, failed = 0, 0
   for _, thread in ipairs(threads) do
      created = created + thread:get("created")
      failed = failed + thread:get("failed")
   end
   io.write(string.format("Created: %d\nRefused or failed: %d\n", created, failed))
end
