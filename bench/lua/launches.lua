-- POST each prepared LTI launch once: "cookie<TAB>body" per line. Nonces are single-use, so a
-- thread stops when its share of the launches is used up.
-- Usage: wrk ... -s bench/lua/launches.lua http://127.0.0.1:PORT -- LAUNCHES_FILE
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require("report")

local launches = {}
local sent = 0
-- wrk calls request() once on the first thread to check the request before the run starts;
-- that call must not use up a launch.
local checked = false
counts = {}
exhausted = false

setup = bench_setup

function init(args)
   local thread_count = tonumber(args[2])
   local number = 0
   for line in io.lines(args[1]) do
      if line ~= "" then
         if number % thread_count == id then
            local cookie, body = line:match("^([^\t]*)\t(.*)$")
            table.insert(launches, { cookie = cookie, body = body })
         end
         number = number + 1
      end
   end
end

function request()
   if sent >= #launches then
      exhausted = true
      wrk.thread:stop()
      return ""
   end
   local launch = launches[sent + 1]
   if id ~= 0 or checked then
      sent = sent + 1
   end
   checked = true
   return wrk.format("POST", "/lti/launch/", {
      ["Cookie"] = launch.cookie,
      ["Content-Type"] = "application/x-www-form-urlencoded",
   }, launch.body)
end

function response(status, headers, body)
   bench_count(status)
end

done = bench_done
