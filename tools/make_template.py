"""Write chapters/_template.ipynb, the style guide chapter (run once; kept for reference)."""
import nbformat as nbf

md = nbf.v4.new_markdown_cell
code = nbf.v4.new_code_cell

cells = [
    md("(h9)=\n# Hoofdstuk 9 · Titel van het hoofdstuk\n\n"
       "Eén alinea die de lezer vertelt waar dit hoofdstuk over gaat en waarom het ertoe doet voor "
       "een sociale professional. Schrijf in je eigen woorden, op B1/B2-niveau, en spreek de "
       "lezer aan met *je*."),
    code("from book.glue import glue_numbers\nglue_numbers()", metadata={"tags": ["remove-cell"]}),
    md("## Leerdoelen\n\nNa dit hoofdstuk kun je:\n\n- ... uitleggen\n- ... herkennen in een casus\n"
       "- ... toepassen op je eigen praktijk"),
    md("## Een kopje uit de inhoud\n\nLeg uit, geef een voorbeeld, verbind met eerdere hoofdstukken "
       "([hoofdstuk 1](01_outreach_mda.ipynb)). Een getal schrijf je nooit zelf: "
       "het komt uit `data/` via glue, bijvoorbeeld `{glue:text}` met een id.\n\n"
       "```{admonition} Kernbegrip: voorbeeldbegrip\n:class: tip\n\nEen kernbegrip staat in een "
       "kader en verwijst naar de begrippenlijst met de rol `{term}`.\n```"),
    code("from book.figures import figuur\nfiguur(\"h2_conferenties\")",
         metadata={"tags": ["remove-input"],
                   "mystnb": {"figure": {"caption": "Onderschrift van de figuur.",
                                         "name": "fig-h9-voorbeeld"},
                              "image": {"alt": "Wat de figuur laat zien, in woorden."}}}),
    md("## Oefeningen\n\nKondig de oefening aan: wat gaat de student doen en waarom?"),
    code("from book.exercises import oefening\noefening(\"h1_abiba\")", metadata={"tags": ["remove-input"]}),
    code("from book.exercises import inleveren\ninleveren(9)", metadata={"tags": ["remove-input"]}),
    md("## Samenvatting\n\n- De kern in vijf tot tien punten."),
    md("## Leervragen\n\n1. Vragen om over na te denken, alleen of in de klas."),
    md("## Verantwoording\n\nDit hoofdstuk is gebaseerd op hoofdstuk 9 van *Lerende sociale "
       "professionals* (Wmo-werkplaats Rotterdam), door ... . Het rust op het onderzoek ... ."),
]
nb = nbf.v4.new_notebook(cells=cells, metadata={
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python"}})
nbf.write(nb, "chapters/_template.ipynb")
