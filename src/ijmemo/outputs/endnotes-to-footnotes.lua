-- The memo's citations (superscript links to its numbered endnotes) become Word footnotes
-- that carry the endnote itself: the verbatim quote, its source and its grades.
-- Pass 1 takes the endnotes out of the text; pass 2 puts each one where it is cited.
local notes = {}

local function collect(div)
  if div.classes:includes("endnote") then
    notes["#" .. div.identifier] = div.content
    return {}
  end
end

local function cite(sup)
  local out = {}
  for _, el in ipairs(sup.content) do
    if el.t == "Link" and notes[el.target] then
      table.insert(out, pandoc.Note(notes[el.target]))
    end
  end
  if #out > 0 then
    return out
  end
end

return { { Div = collect }, { Superscript = cite } }
