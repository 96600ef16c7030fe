"""Non-happenings of news English: a sentence that names a happening that did not take place, is not news, or is no
happening at all gives no trigger of that kind, and the real happening told near the same words stays found (made-up
texts; the word lists outside ``types:`` in data/events.yaml: irrealis_*, background_before, cumulative_after,
statistics, ignore)."""

import pytest

from article_events import events_of as _events
from timeline.triggers import find_triggers, vocabulary

VOCAB = vocabulary()

NONE = [
    # an election won by a wide margin is no landslide (ignore)
    ("The ruling party is proud of its landslide 2019 victory.", "incident"),
    ("Ana Moro won the presidential vote in a landslide.", "incident"),
    # a place named by the hazard that struck it (ignore)
    ("The governor visited the cyclone Idris-affected district of Velm.", "incident"),
    ("The minister spoke to residents of the quake-damaged city of Velm.", "incident"),
    ("The governor promised help to villagers hit by the spring floods in the valley.", "incident"),
    ("The envoy toured a district that bore the brunt of the cyclone.", "incident"),
    # criticism, not gunfire (ignore)
    ("The minister came under fire for the decision.", "incident"),
    ("The mayor came under heavy fire from opposition lawmakers over the contract.", "incident"),
    # the mourned named by how they died (ignore, background_before)
    ("The president offered condolences to the families of soldiers killed during military operations.", "incident"),
    ("The president offered condolences to the families of soldiers killed during military operations.", "operation"),
    ("The council set aside funds for the relatives of those killed in the mudslide.", "incident"),
    # people named by what befell them before (ignore)
    ("The country now has two impeached presidents.", "other"),
    # a visit one is invited on, a hope, a happening still weighed (irrealis_before)
    ("Ivo Sander was invited on a state visit to Norlund.", "visit"),
    ("Ana Moro voiced hope for a visit by the king next spring.", "visit"),
    ("Both sides are weighing a prisoner exchange.", "humanitarian"),
    # an invitation to a gathering still to come (irrealis_before)
    ("The mediator has invited both unions to a round of talks on Monday.", "meeting"),
    ("The ministry has called the two sides to a meeting on Thursday.", "meeting"),
    # a habit of the past, a state over many years (cumulative_after)
    ("Norlund has extradited two suspects to Estaria in the past.", "other"),
    ("Norlund has experienced floods for many years.", "incident"),
    # a demand that someone quit (ignore)
    ("The mayor faced calls to resign over the contract.", "call"),
    ("Opposition parties renewed calls for the premier to step down.", "call"),
    ("The mayor has rejected calls for her resignation.", "call"),
    # the subject of talks (irrealis_right_before)
    ("Negotiations over a truce stalled in Velm on Monday.", "agreement"),
    ("The walkout followed failed talks over a wage deal in the spring.", "agreement"),
    # met by vehicles or a reaction (ignore); a gathering going on to a day to come (irrealis_after)
    ("The plane landed safely and was met by fire engines on the runway.", "meeting"),
    ("The proposal was met with fierce resistance in parliament.", "meeting"),
    ("The forum continues on Tuesday with panels on trade.", "conference"),
    ("The summit resumes tomorrow with a session on energy.", "conference"),
    # a happening to be stopped or prevented (irrealis_before)
    ("The truce commits both armies to halt offensive operations in the north.", "operation"),
    ("Troops launched an offensive in the north on Monday to end attacks on the border town.", "incident"),
    # a state that goes on (irrealis_right_before)
    ("Many others remained evacuated, the agency said.", "humanitarian"),
    # history: a first time, the time before (irrealis_inside, irrealis_right_before)
    ("Ivo Sander was first elected in 2010 as a reformer.", "other"),
    ("The two leaders last met in 2019.", "meeting"),
    # unconfirmed reports, what a text is about (background_before)
    ("Reports that the two leaders met in secret could not be confirmed.", "meeting"),
    ("The minister handed over two reports regarding her visits to Velm and Norlund.", "visit"),
    ("The museum tells the story of the 1990 earthquake.", "incident"),
    # need, dependence, trends, targets (background_before, irrealis_right_before)
    ("Some 2 million people depend on aid supplies.", "humanitarian"),
    ("The militia has stepped up its attacks on police stations.", "incident"),
    ("The agency spoke of the looting of relief convoys near the border.", "humanitarian"),
    ("The agency said the looting of relief convoys went on.", "humanitarian"),
    # sums over a period, rates (cumulative_after, statistics)
    ("The fighting has killed 600 people in a year, the agency says.", "incident"),
    ("The two countries have held talks on and off for decades.", "meeting"),
    ("Aid supplies are arriving in Velm daily.", "humanitarian"),
    # demanded, appealed for, offered, threatened, forecast, instead of (irrealis_before)
    ("Protesters demanded talks with the government.", "meeting"),
    ("The agency appealed for the evacuation of the wounded.", "humanitarian"),
    ("Norlund rejected an offer of talks.", "meeting"),
    ("The rebels threatened an attack on the capital.", "incident"),
    ("The predicted flooding forced schools to close.", "incident"),
    ("Instead of meeting the president, the envoy left for the coast.", "meeting"),
    # plans, purposes, conditions, denials in the trigger's clause (irrealis_in_clause)
    ("The two leaders are likely to travel to Velm and hold talks.", "meeting"),
    ("The two leaders have yet to travel to Velm and hold talks.", "meeting"),
    ("The ministers were due to fly to Velm and sign the accord.", "agreement"),
    ("The envoy travelled to Velm in a bid to broker a truce.", "agreement"),
    ("If the two leaders hold talks in Velm, trade will top the agenda.", "meeting"),
    ("Officials denied that the outage was caused by a cyberattack.", "incident"),
    # habits of the calendar (statistics)
    ("The council meets every Monday in the town hall.", "meeting"),
    ("The two leaders hold talks annually in Velm.", "meeting"),
    # session 17: a purpose opening the sentence (irrealis_in_clause)
    ("In order to secure food supplies for the winter, the ministry is building new silos.", "humanitarian"),
    # the alternative not taken, a happening made possible (irrealis_before, irrealis_inside)
    ("Rather than a ceasefire being agreed, the talks produced only a statement.", "agreement"),
    ("The vote opened the way for formal negotiations to begin in the spring.", "meeting"),
    # called off with its place between (irrealis_after)
    ("The peace talks in Velm were called off after the shelling.", "meeting"),
    # a hazard made ready for (irrealis_before)
    ("The governor kept rescue teams ready to face the coming floods.", "incident"),
    # a count of repeats (statistics)
    ("Ivo Sander has visited Norlund on several occasions.", "visit"),
    ("Police raided the compound on numerous occasions.", "operation"),
    # a hazard named as what a remedy is for, the mourned named by how they died (background_before, ignore)
    ("Officials are still trying to deal with the oil spill.", "incident"),
    ("The leaders mourned with relatives of troops from member states killed during operations.",
     "incident"),
    ("The government paid out money to widows of men who died in the northern and eastern floods.",
     "incident"),
    # session 18: a hazard named as a quality or a product, a body named after its operations (ignore)
    ("The new hospital wing is earthquake resistant and has its own generators.", "incident"),
    ("Engineers want flood-proof housing along the river in Velm.", "incident"),
    ("Pilots of the Typhoon fighter jets trained over the sea near Velm.", "incident"),
    ("The minister was briefed at the Military Operations Directorate in Velm.", "operation"),
    # a thing received is no meeting (ignore)
    ("Top marks in the national exam were received by 40 pupils, the ministry announced.", "meeting"),
    ("The cargo plane was received by the base commander and a small crew.", "meeting"),
    # a view shared, not a deal struck (irrealis_inside)
    ("Both envoys agreed on the need to make the truce a lasting peace.", "agreement"),
    ("The leaders agreed on the need for a ceasefire in the north.", "agreement"),
    # a plan or a cancellation with an adverb between (irrealis_after)
    ("The negotiations were initially planned for Friday but were delayed by a row over seating.", "meeting"),
    ("The summit in Velm was later cancelled because of the storm.", "conference"),
    # a place named by what befell it; people named by a known attack or disaster (ignore)
    ("The aid groups are working to protect civilians in the blockaded enclave.", "operation"),
    ("The charity looks after children orphaned in the 2019 earthquake.", "incident"),
    ("Velm keeps pressing for freedom for the hostages seized by gunmen in the October 7th attack on the town.",
     "incident"),
    # a hazard word for a great number or a sudden growth; criticism, not an attack (ignore)
    ("The regulator received a flood of complaints about the new fees.", "incident"),
    ("There has been an explosion of interest in electric cars in Velm.", "incident"),
    ("The country faces a tsunami of debt, the central bank warned.", "incident"),
    ("Demand for the vaccine has exploded in the north.", "incident"),
    ("The proposal came under attack from unions and employers alike.", "incident"),
    ("The spokesman was bombarded with questions about the delay.", "operation"),
    # a thing allotted, not a journey; a thing received, with an aside (ignore)
    ("Just minutes ago, the top prize went to Ivo Sander for his first novel.", "visit"),
    ("The gold medal went to Ana Moro of Estaria.", "visit"),
    ("The youth awards were also handed out, and the junior titles, which went to Estaria's rowers, drew cheers.", "visit"),
    ("The cargo aircraft, which is the biggest plane of the air force, was received by the base commander.", "meeting"),
    # a happening that all but took place (irrealis_right_before)
    ("Estaria and Norlund almost signed a truce in May, before the fighting resumed.", "agreement"),
    ("The ferry nearly capsized off the coast on Tuesday.", "incident"),
    # session 19: a text about a happening past a few names; what one was told about; a reason or frame; a deal held to
    # (background_before)
    ("The envoy sent the king two notes regarding his Velm and Norlund visits.", "visit"),
    ("Ministers were kept informed about the talks in Velm, an aide said.", "meeting"),
    ("The bank raised its rates in the light of the trade agreement.", "agreement"),
    ("The rebels reaffirmed their acceptance of the truce brokered by Norlund.", "agreement"),
    # a step agreed for later; a source described by what it heard (irrealis_inside)
    ("The two ministers agreed to issue a joint statement on fisheries next year.", "agreement"),
    ("A diplomat who had been briefed about the negotiations said they went well.", "meeting"),
    # called for, with a day between (irrealis_before); a share of many happenings (ignore)
    ("Estaria called on Friday for a ceasefire in the border region.", "agreement"),
    ("Most of the bombings in the province were aimed at fuel depots.", "incident"),
    # a room named after what is held in it; criticism with a time between; a call of the public; a body named by its
    # ban (ignore)
    ("A drone hit the conference hall of the hotel on Thursday.", "conference"),
    ("The mayor came under fire in 2019 from auditors over the contract.", "incident"),
    ("Police asked residents to ring off and call back on the official line.", "call"),
    ("A passer-by made a 911 call from the beach at dusk.", "call"),
    ("The army said 14 outlawed Unity Front Party members were seen in the hills.", "other"),
    # the end of a plight (irrealis_right_before)
    ("The crew drifted for days until they met a fishing boat.", "meeting"),
    # a place named by the happening told before; a call in a family (ignore)
    ("The second victim was a man on the ground where it crashed.", "incident"),
    ("She heard the news in a phone call from her son.", "call"),
    # road traffic, no aid convoy (ignore)
    ("Hundreds of trucks and cars crossed the new bridge on its first day.", "humanitarian"),
    # "went off" as a figure of speech (ignore)
    ("All city buses went off the roads as the drivers walked out.", "incident"),
    ("The state broadcaster went off the air for two hours.", "incident"),
    # still a possibility or a plan (irrealis_before, the exceptions below keep the rest)
    ("Norlund may fire a missile soon, the ministry warned.", "operation"),
    ("The signing of the accord is expected next week.", "agreement"),
    # session 20: a body's own sitting as the setting of its decision; onlookers at a scene; measures as part of a
    # policy; the victims of a hazard; a body named by its ban (ignore, the hazard's own noun, the appointment rule)
    ("At its meeting on Tuesday, the city council approved the budget for 2025.", "meeting"),
    ("The bank's board left rates unchanged at its monthly meeting.", "meeting"),
    ("Crowds gathered near the crash site as rescuers cut through the wreckage.", "other"),
    ("The closures were part of the state's security measures, the official said.", "operation"),
    ("The ministry sent tents to the flood affectees in the valley on Monday.", "incident"),
    ("Police believe the men lead the banned militant group in the south.", "other"),
    # a happening the people of the news are tied to, and what a relative clause tells of it (irrealis_right_before,
    # background_before)
    ("Police arrested 40 men believed to have links to last week's bombing of the market.", "incident"),
    ("Troops detained four men of a gang blamed for a bombing at a hotel in 2019 which killed 20 people.", "incident"),
    # the harm a hazard did, named as what a response is about (ignore)
    ("The government formed teams to survey the damage caused by the rains and floods.", "incident"),
    # a goal named, not a happening (irrealis_in_clause)
    ("He said the objective of the teams was to ensure families were provided with relief goods.", "humanitarian"),
    # session 23: a weather service; a hazard studied, watched or complained about; a source talking to the press by
    # phone; a team named after incidents (ignore)
    ("The Met Office kept its storm warning in place until the evening.", "meeting"),
    ("The review found that seismic and flood hazards at the site had been studied well.", "incident"),
    ("The startup signed a deal with the agency on Monday covering flood monitoring in the delta.", "incident"),
    ("The camp was closed in May after complaints about flooding.", "incident"),
    ("Villagers protested on Monday against the flooding of their fields by the new dam.", "incident"),
    ("The driver was in the car when it was hit, a police spokesman told reporters by phone.", "call"),
    ("The agency sent a team of incident responders to the plant on Monday.", "incident"),
    # an arrival or an announcement still to come in the trigger's own words (irrealis_inside)
    ("The first shipment is expected to arrive at the port in June.", "humanitarian"),
    ("A further 20 trucks are due to arrive before the end of the month.", "humanitarian"),
    # found not to have happened (irrealis_in_clause)
    ("The agency said it had found no evidence that the blackout was caused by a cyberattack.", "incident"),
    # an appeal, no call; a working life, a market operation, no military one (the weak nouns)
    ("The leaders closed their summit on Sunday with a call for a joint force.", "call"),
    ("The old mill was switched off on Sunday after 60 years of operation.", "operation"),
    ("The ministry held a cheap market operation in the main square on Monday.", "operation"),
    # a firefighting aircraft, a warship's port call, people taken in on arrival by staff (ignore, the call nouns)
    ("The agency deployed water bombing helicopters over the burning forest on Monday.", "incident"),
    ("A navy frigate docked in the port last week for a port call.", "call"),
    ("The returnees were received by aid staff and officials at the airport on Monday.", "meeting"),
]


@pytest.mark.parametrize("text, event_type", NONE)
def test_a_non_happening_gives_no_trigger_of_its_kind(text, event_type):
    assert event_type not in {t.event_type for t in find_triggers(text, VOCAB)}


KEEP = [
    ("At their meeting in Velm on Tuesday, the two ministers discussed trade.", "meeting"),
    ("The president invited opposition leaders to a meeting on Monday.", "meeting"),
    ("Dock workers went on strike for higher pay on Monday.", "other"),
    ("The union held a general strike on Monday.", "other"),
    ("Norlund extradited two suspects to Estaria on Monday.", "other"),
    ("The envoy held calls with both sides on Monday.", "call"),
    ("The two sides signed a trade agreement on Monday after talks on the text.", "agreement"),
    ("The two sides held talks on a trade agreement in Velm on Monday.", "meeting"),
    ("The minister was met by his Estarian counterpart at the airport on Monday.", "meeting"),
    ("The summit opened in Velm on Monday.", "conference"),
    ("Troops launched an offensive in the north on Monday to end attacks on the border town.", "operation"),
    ("In its meeting with the lenders on Tuesday, the government agreed to cut subsidies.", "meeting"),
    ("A bomb linked to the separatists killed 12 people on Monday.", "incident"),
    ("Protesters gathered outside the ministry on Monday.", "other"),
    ("The government banned the main opposition party on Friday.", "other"),
    ("Floods swept through the valley on Monday, killing six.", "incident"),
    ("Officials assessed the damage caused by the floods that hit the valley on Monday.", "incident"),
    ("Soldiers evacuated 300 villagers on Monday; the aim of the army was to clear the valley.", "humanitarian"),
    ("Ten people were killed in a landslide in the north on Tuesday.", "incident"),
    ("Soldiers came under fire from rebels near Velm on Tuesday.", "incident"),
    ("At last the two sides signed a ceasefire on Tuesday.", "agreement"),
    ("The two ministers met last Tuesday in Velm.", "meeting"),
    ("The last meeting of the two commissions took place on Tuesday in Velm.", "meeting"),
    ("The French president paid a visit to Kenya on Tuesday at the invitation of his Kenyan counterpart.", "visit"),
    ("The two leaders, who first met in 2015, held talks in Velm on Tuesday.", "meeting"),
    ("A convoy of 20 aid trucks reached the town on Tuesday.", "humanitarian"),
    ("Residents hit by the floods were evacuated by boat on Tuesday.", "humanitarian"),
    ("Officers made raids on Friday and arrested four women suspected of fraud.", "operation"),
    ("Families of those killed in the attack met Ivo Sander on Tuesday.", "meeting"),
    ("Two soldiers were killed in a roadside bombing in the south on Tuesday.", "incident"),
    ("Aid reached families affected by the earthquake that struck the valley on Thursday night.", "incident"),
    ("Thousands were left homeless on Thursday after a cyclone battered Covid-ravaged Norlund.", "incident"),
    ("Police arrested two men in Velm on Tuesday in an effort to stop the smuggling ring.", "operation"),
    ("The army launched an offensive on Tuesday in a bid to retake the town.", "operation"),
    ("The army denied responsibility for the strike that killed 12 people on Tuesday.", "incident"),
    # session 17
    ("Rather than flying home, Ana Moro met the king on Tuesday.", "meeting"),
    ("In order to see the damage, the French president visited Kenya on Tuesday.", "visit"),
    ("The peace talks in Velm resumed on Tuesday after a week's break.", "meeting"),
    ("An oil spill fouled 20 kilometres of coastline on Tuesday.", "incident"),
    ("Heavy floods killed 12 people in the north on Tuesday.", "incident"),
    ("Villagers were still getting ready to face more rain when a landslide buried 20 homes on Tuesday.", "incident"),
    ("Trucks delivered food assistance to 5,000 people in the north on Tuesday.", "humanitarian"),
    # session 18
    ("An earthquake struck the north of Estaria on Tuesday, damaging 300 homes.", "incident"),
    ("A typhoon hit the coast of Norlund on Tuesday, forcing 10,000 people to flee.", "incident"),
    ("The army launched military operations against the rebels in the north on Tuesday.", "operation"),
    ("Ana Moro was received by the president on Tuesday.", "meeting"),
    ("The delegation was received by the king at the palace on Tuesday.", "meeting"),
    ("The two ministers agreed on a ceasefire in the north on Tuesday.", "agreement"),
    ("Aid trucks reached the besieged city on Tuesday for the first time in a month.", "humanitarian"),
    ("Soldiers evacuated 300 residents of the blockaded town on Tuesday.", "humanitarian"),
    ("Troops blockaded the port on Tuesday, cutting off supplies to the rebels.", "operation"),
    ("The rebels released all hostages taken in the March attack on Tuesday.", "humanitarian"),
    ("The peace talks started on Monday in Velm after a week's delay.", "meeting"),
    ("Gunmen attacked the border town on Tuesday and seized 12 hostages.", "incident"),
    ("A flood of water swept through the village on Tuesday, killing two people.", "incident"),
    ("A gas tank exploded in a market in Velm on Tuesday, killing three people.", "incident"),
    ("The convoy came under attack near Velm on Tuesday.", "incident"),
    ("An earthquake of magnitude 5.9 struck the north of Estaria on Tuesday.", "incident"),
    ("The explosion of a car bomb killed four people in Velm on Tuesday.", "incident"),
    ("The French president went to Kenya on Tuesday for talks with the king.", "visit"),
    ("The visiting minister, who arrived on Monday, was received by the king on Tuesday.", "meeting"),
    ("Nearly 200 people were killed in the floods on Tuesday.", "incident"),
    ("The floods killed nearly 200 people on Tuesday.", "incident"),
    # session 19
    ("Ana Moro called Ivo Sander on Friday for the first time in a year.", "call"),
    ("Ivo Sander called on Friday for a truce after soldiers killed two farmers.", "incident"),
    ("The two ministers agreed to a ceasefire in the north on Tuesday.", "agreement"),
    ("The envoy held talks with the king regarding trade on Tuesday.", "meeting"),
    ("The two sides met on Tuesday at the Velm Conference Centre.", "meeting"),
    ("Ana Moro held a phone call with Ivo Sander on Tuesday.", "call"),
    ("The court outlawed the Unity Front Party on Tuesday.", "other"),
    ("Many of the hostages were released on Tuesday.", "humanitarian"),
    ("The crew drifted for days, until on Tuesday a fishing boat rescued them.", "humanitarian"),
    ("A small plane crashed near Velm on Tuesday, killing two people.", "incident"),
    ("Ana Moro held a phone call with the king of Norlund on Tuesday.", "call"),
    ("A roadside bomb went off near the market in Velm on Tuesday, killing two people.", "incident"),
    # "prior to" and a gerund is a time, no infinitive (realis_before_to)
    ("The governor, prior to addressing the graduates, handed over the keys of ten new classrooms.", "speech"),
    # a happening told with a doubt; a plan's word before a clause about another happening (irrealis_before)
    ("Officials said Norlund may have fired a short-range missile on Thursday.", "operation"),
    ("The release had been expected after the court had overturned the verdict on Wednesday.", "other"),
    ("Gunmen attacked a police post in Velm on Tuesday, killing four officers.", "incident"),
    # session 23
    ("The minister met police chiefs in Velm on Monday.", "meeting"),
    ("Floods hit the valley on Monday, killing six.", "incident"),
    ("Hackers launched a cyberattack on the ministry on Monday.", "incident"),
    ("The president spoke by phone with the chancellor on Monday.", "call"),
    ("Troops began a military operation in the north on Monday.", "operation"),
    ("A convoy of 20 aid trucks reached the town on Tuesday.", "humanitarian"),
]


@pytest.mark.parametrize("text, event_type", KEEP)
def test_a_happening_near_those_words_stays_an_event(text, event_type):
    assert event_type in [e.event_type for e in _events(text)]


@pytest.mark.parametrize("text, event_type", [
    ("The opposition leader was sentenced to a year's jail on Tuesday.", "other"),
    # a speech to a press conference is no press conference of its own to leave out (ignore)
    ("The space agency chief told a press conference on Thursday that the launch went well.", "speech"),
])
def test_a_term_of_prison_is_no_rate(text, event_type):
    assert event_type in {t.event_type for t in find_triggers(text, VOCAB)}


@pytest.mark.parametrize("text, event_type", [
    # the sum after the infinitive is the war's, not the talks' (session 18)
    ("The two rival leaders have held talks in Velm to settle a war that has displaced millions of people.", "meeting"),
    ("The army has launched an offensive to retake a valley that rebels have held for years.", "operation"),
])
def test_a_sum_after_an_infinitive_is_what_the_happening_is_about(text, event_type):
    assert event_type in {t.event_type for t in find_triggers(text, VOCAB)}


@pytest.mark.parametrize("text, is_rate", [
    ("the producers cut output by a million barrels a day", False),
    ("the port handles 40,000 tonnes a day", False),
    ("aid arrives twice a day", True),
    ("an average of 37 trucks a day entered", True),
])
def test_a_flow_of_goods_is_no_rate_of_happenings(text, is_rate):
    assert (VOCAB.rate.search(text) is not None) == is_rate
