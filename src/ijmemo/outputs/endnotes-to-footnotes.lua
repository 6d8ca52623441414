-- The memo's citations (superscript links to its numbered endnotes) become Word footnotes
-- that carry a short note (the source and the quote's number in the ledger, which stays in
-- the annex with the verbatim quote and its grades). One footnote per citation mark: "[1, 2]"
-- is one footnote "S1, quote 1 in the ledger; S2, quote 2 …", not two marks that read as 12.
-- Pass 1 takes the short notes out of the text; pass 2 puts them where they are cited.
local notes = {}

local function collect(div)
  if div.classes:includes("endnote") then
    notes["#" .. div.identifier] = div.content
    return {}
  end
end

local function cite(sup)
  local inlines = pandoc.List()
  for _, el in ipairs(sup.content) do
    if el.t == "Link" and notes[el.target] then
      if #inlines > 0 then
        inlines:extend({ pandoc.Str(";"), pandoc.Space() })
      end
      inlines:extend(notes[el.target][1].content)
    end
  end
  if #inlines > 0 then
    inlines:insert(pandoc.Str("."))
    return pandoc.Note({ pandoc.Para(inlines) })
  end
end

return { { Div = collect }, { Superscript = cite } }
