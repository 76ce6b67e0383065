wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, "/albums", nil, '{"title":"wrk album ' .. n .. '","artist":"wrk","price":9.99}')
end
