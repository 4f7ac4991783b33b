-- GET each path of a file (one a line) in turn: several materials, files or pages per run.
-- Usage: wrk ... -s bench/lua/paths.lua http://127.0.0.1:PORT -- PATHS_FILE
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
require("report")

local paths = {}
local position = 0
counts = {}

setup = bench_setup

function init(args)
   for line in io.lines(args[1]) do
      if line ~= "" then
         table.insert(paths, line)
      end
   end
   -- Threads start at different paths, so they do not move through the list in step.
   position = (id or 0) * 7
end

function request()
   position = position % #paths + 1
   return wrk.format("GET", paths[position])
end

function response(status, headers, body)
   bench_count(status)
end

done = bench_done
