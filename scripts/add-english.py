#!/usr/bin/env python3
"""Adds English translations to src/KyodoPortal.Web/Resources/SharedResource.en.resx.

Usage: scripts/add-english.py FILE.tsv   (each line: Japanese key<TAB>English)
Existing keys are updated, new ones appended. LocalizationTests lists the keys still missing.
"""
import sys
import xml.etree.ElementTree as ET

RESX = "src/KyodoPortal.Web/Resources/SharedResource.en.resx"

def main(path: str) -> None:
    tree = ET.parse(RESX)
    root = tree.getroot()
    existing = {d.get("name"): d for d in root.findall("data")}
    added = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            key, english = line.rstrip("\n").split("\t", 1)
            if key in existing:
                existing[key].find("value").text = english
                continue
            data = ET.SubElement(root, "data", {"name": key, "{http://www.w3.org/XML/1998/namespace}space": "preserve"})
            ET.SubElement(data, "value").text = english
            added += 1
    ET.indent(tree, space="  ")
    tree.write(RESX, encoding="utf-8", xml_declaration=True)
    print(f"{added} added")

if __name__ == "__main__":
    main(sys.argv[1])
