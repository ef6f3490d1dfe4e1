-- wrk: posts the same filing again and again, each with an Idempotency-Key of its own (so each
-- is a new filing), and counts the filings the server confirmed (201).
-- Arguments (after --): the multipart body's file, its Content-Type, a key prefix, the token.
local threads = {}

function setup(thread)
   thread:set("number", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   local file = assert(io.open(args[1], "rb"))
   body = file:read("*a")
   file:close()
   headers = {["Content-Type"] = args[2], ["Authorization"] = "Bearer " .. args[4]}
   prefix = args[3] .. "-" .. number .. "-"
   sent = 0
   created = 0
end

function request()
   sent = sent + 1
   headers["Idempotency-Key"] = prefix .. sent
   return wrk.format("POST", nil, headers, body)
end

function response(status, headers, body)
   if status == 201 then created = created + 1 end
end

function done(summary, latency, requests)
   local total = 0
   for _, thread in ipairs(threads) do total = total + thread:get("created") end
   io.write(string.format("Filings created: %d\n", total))
end
