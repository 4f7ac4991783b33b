"""Where SLO's curriculum niveaus sit among the built-in educational levels (OBK ids)."""

# OBK identifiers of the built-in levels that SLO-only niveaus are mapped to.
SO = "e7f1c08f-08fb-48ab-be8e-c131b1bce54a"
VSO = "dbbc3e87-a848-4425-912a-d494e43e5e59"
GROEP = {
    1: "82ca4442-246c-44b3-a562-7b101793feb4",
    2: "c007e4dd-a3d4-4f33-902d-778e3bbeeddb",
    3: "25a2f4f4-cf91-4b16-94bc-6d9e6fad88f4",
    4: "5c072b3f-7f58-40ee-9799-27981f0a6b2b",
    5: "bc213214-b83d-4673-b9c1-8fdaa63d6d56",
    6: "abfb190f-e814-46f5-a9cc-ebd53f04018e",
    7: "a4813bb6-cf63-4594-af56-6afb321723d8",
    8: "95138558-9f65-4888-8ea3-8acce5eea273",
}
VMBO_YEAR_1_2 = (
    "50746437-08f3-4559-8af3-3fa6e05d1a44",  # vmbo-bb 1
    "9716fc83-479c-48da-be13-2fdd74e3b692",  # vmbo-bb 2
    "12e85a55-b3ae-4e7f-a2a0-d645f4c573bf",  # vmbo-kb 1
    "30ce6ff5-d654-4a97-a6d4-9c8936f87ca6",  # vmbo-kb 2
    "8ae2af2d-890e-49d6-95cb-3619acb5c2cf",  # vmbo-gl 1
    "05d90293-e675-44f4-bcd7-1f67161f6734",  # vmbo-gl 2
    "54edd410-2315-4eb3-a573-0e1cd59184fd",  # vmbo-tl 1
    "90a5a228-e8de-473d-84cc-a915bf6107dd",  # vmbo-tl 2
)
HAVO_VWO_YEAR_1_3 = (
    "78f5cabe-6649-4dc3-84bf-36d82c6c2d31",  # havo 1
    "eaa0c07f-193e-4be5-8dc6-a00bbfc7a446",  # havo 2
    "af3ecd88-a654-4458-9c5b-1e1f7d09f463",  # havo 3
    "ac188375-0a1a-4984-ac80-14d04a086a19",  # vwo 1
    "17da6976-2f1b-4214-a471-168f469d7e04",  # vwo 2
    "b924d4ad-65a1-41dc-b704-c7786eb4aec0",  # vwo 3
)

# Kerndoelen name SLO curriculum niveaus, most of which are not OBK educational levels.
# Each maps to the levels it covers, taken from the niveau's own SLO description; niveaus
# whose id is itself a level (po, vso, …) need no entry.
SLO_NIVEAU_LEVELS: dict[str, tuple[str, ...]] = {
    "0a3d23df-1758-439b-b219-cd2854cc639b": (GROEP[1], GROEP[2], GROEP[3]),  # fase 1
    "5edad2fa-2cf0-4701-93d9-97edbe06ac02": (GROEP[4], GROEP[5], GROEP[6]),  # fase 2
    "fc0fa444-07f6-4744-b7a7-6f9aadeeff42": (GROEP[7], GROEP[8]),  # fase 3
    # ob vo: vmbo leerjaar 1-2, havo and vwo leerjaar 1-3 (SLO's "3 h/v" niveau).
    "35715b0c-ad0c-46ab-ab1a-1387bb046486": VMBO_YEAR_1_2 + HAVO_VWO_YEAR_1_3,
    "c2ad90a9-30fb-49f2-89c2-bd269b60a784": VMBO_YEAR_1_2,  # ob vmbo
    "f9b25c20-9017-425b-8d3c-360ab6b5c222": (SO,),  # so nl/ml
    "edea6b04-1b3f-45f6-a7c9-4e64e59eb503": (SO,),  # so zml/mb
    "d617dd33-ec39-479f-ac9f-4ab219cab54d": (VSO,),  # vso db
    "bdc4744f-79df-4795-8795-2fee50c7416a": (VSO,),  # vso am
    "35ca5594-679e-4c7b-a178-88322dce8971": (VSO,),  # vso vo
    # 1F and 1S rate language and arithmetic, not a school level; their kerndoelen list po.
    "d5f99b58-31be-4ffc-89f4-9d7c65526879": (),
    "86d05d5a-8dfa-422b-820c-50019985426d": (),
    # SLO's ids for six vmbo leerjaren differ from the OBK ids Edurep uses (vocabularies/README).
    "8da0ce4d-daab-40ea-93f7-bb6e8e1a31c3": ("50746437-08f3-4559-8af3-3fa6e05d1a44",),
    "3a49d130-5ce7-465d-80c9-5fcd2bd70c05": ("9716fc83-479c-48da-be13-2fdd74e3b692",),
    "8550fb8a-20ac-489f-83eb-d7f4e8a2401f": ("e56a05b1-a9af-432f-a7ac-b7401d8e95fb",),
    "151c4de1-e462-468c-bf9a-8c7234c59d64": ("45403807-f052-4e09-a95c-b2e1c10c6c89",),
    "75a00adb-870c-4f05-be63-41411c48324a": ("8ae2af2d-890e-49d6-95cb-3619acb5c2cf",),
    "8d46380e-9d6b-4c62-a1a6-5f7c06e1f79d": ("05d90293-e675-44f4-bcd7-1f67161f6734",),
}
