-- GET each path of a file (one a line) in turn: several materials, files or pages per run.
-- Usage: wrk ... -s bench/lua/paths.lua http://127.0.0.1:PORT -- PATHS_FILE [COOKIE]
-- A COOKIE makes every request bypass the anonymous page cache, as a signed-in visitor would.
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require("report")

local paths = {}
local position = 0
local headers = {}
counts = {}

setup = bench_setup

function init(args)
   for line in io.lines(args[1]) do
      if line ~= "" then
         table.insert(paths, line)
      end
   end
   -- Threads start at different paths, well apart, so they do not move through the list in
   -- step nor request a path another thread has just asked for (searches keep their counts).
   position = (id or 0) * math.max(7, math.floor(#paths / 4))
   if args[2] then
      headers["Cookie"] = args[2]
   end
end

function request()
   position = position % #paths + 1
   return wrk.format("GET", paths[position], headers)
end

function response(status, headers, body)
   bench_count(status)
end

done = bench_done
