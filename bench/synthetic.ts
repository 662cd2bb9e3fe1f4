import type { Asset, Cost, Delivery, Referral } from '../lib/types';
import { seededRandom } from './types';

/**
 * A deterministic, realistic-looking county directory for benchmarks: sector vocabulary, invented place
 * and organisation names (so the distinct-term count grows with size like a real directory's), one or
 * two categories per asset, 40–110 word descriptions, and about 5% inactive entries.
 */
export function syntheticDirectory(n: number, seed = 1): Asset[] {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const chance = (p: number) => rand() < p;
  const places = makePlaces(rand, Math.max(40, Math.min(1500, Math.round(n / 20))));
  const assets: Asset[] = [];
  for (let i = 0; i < n; i++) {
    const primary = pick(CATEGORY_KEYS);
    const spec = SPECS[primary];
    const second = chance(0.3) ? pick(CATEGORY_KEYS.filter((c) => c !== primary)) : undefined;
    const place = pick(places);
    const activity = pick(spec.activities);
    const org = chance(0.55) ? `${pick(spec.orgs)} ${place}` : `${place} ${pick(GENERIC_ORGS)}`;
    const name = chance(0.5)
      ? `${place} ${activity}`
      : chance(0.5)
        ? `${activity} at ${pick(VENUES)}, ${place}`
        : `${activity} (${pick(spec.orgs)})`;
    const own = sample(rand, spec.sentences, 2 + Math.floor(rand() * 3));
    const generic = sample(rand, GENERIC_SENTENCES, chance(0.6) ? 2 : 1);
    const sentences = [...own, ...(second ? sample(rand, SPECS[second].sentences, 1) : []), ...generic].map((s) =>
      s.replace('{place}', place).replace('{venue}', pick(VENUES)),
    );
    const keywords = Array.from(new Set(Array.from({ length: 2 + Math.floor(rand() * 4) }, () => pick(spec.keywords))));
    const delivery: Delivery[] = [];
    for (const d of ['in_person', 'phone', 'online'] as const)
      if (chance(d === 'in_person' ? 0.75 : 0.35)) delivery.push(d);
    if (delivery.length === 0) delivery.push('in_person');
    const daysAgo = Math.floor(rand() * 720);
    const verified = new Date(Date.UTC(2026, 10, 1) - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const slug = place.toLowerCase().replace(/[^a-z]+/g, '');
    const asset: Asset = {
      id: `syn-${seed}-${i}`,
      name,
      organisation: org,
      description: sentences.join(' '),
      categories: second ? [primary, second] : [primary],
      keywords,
      phone: `0${1000 + Math.floor(rand() * 8999)} ${100000 + Math.floor(rand() * 899999)}`,
      email: chance(0.6) ? `hello@${slug}${i % 97}.org.uk` : undefined,
      website: chance(0.7) ? `https://www.${slug}-${primary}.org.uk` : undefined,
      address: chance(0.7) ? `${pick(VENUES)}, ${1 + Math.floor(rand() * 120)} ${pick(STREETS)}, ${place}` : undefined,
      area: place,
      openingTimes: pick(TIMES),
      cost: pick<Cost>(['free', 'free', 'free', 'low', 'paid']),
      referral: pick<Referral>(['self', 'self', 'self', 'professional', 'link_worker']),
      delivery,
      waitingWeeks: chance(0.6) ? 0 : Math.floor(rand() * 12),
      lastVerified: verified,
      status: chance(0.05) ? 'inactive' : 'active',
      source: 'bundled',
    };
    if (spec.ages && chance(0.7)) {
      asset.minAge = spec.ages[0];
      asset.maxAge = spec.ages[1];
    }
    assets.push(asset);
  }
  return assets;
}

/** `k` distinct items, so a description never repeats a sentence. */
function sample<T>(rand: () => number, list: readonly T[], k: number): T[] {
  const copy = list.slice();
  const out: T[] = [];
  while (out.length < k && copy.length > 0) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
  return out;
}

const STARTS = [
  'Ash',
  'Bram',
  'Cal',
  'Dun',
  'Eld',
  'Fern',
  'Glen',
  'Hart',
  'Kings',
  'Lang',
  'Mar',
  'Nor',
  'Oak',
  'Pen',
  'Rad',
  'Sut',
  'Thorn',
  'Up',
  'Wal',
  'Whit',
  'Wes',
  'Brad',
  'Ched',
  'Hol',
  'Mel',
  'Stan',
  'Bur',
  'Cros',
];
const ENDS = [
  'ford',
  'ley',
  'ton',
  'bury',
  'field',
  'wick',
  'ham',
  'by',
  'well',
  'mouth',
  'stead',
  'combe',
  'don',
  'worth',
  'hurst',
  'more',
  'gate',
  'bridge',
  'thorpe',
  'cliffe',
];
const PREFIXES = ['', '', '', '', 'North ', 'South ', 'East ', 'West ', 'Upper ', 'Lower ', 'Great ', 'Little '];

function makePlaces(rand: () => number, count: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const max = STARTS.length * ENDS.length * PREFIXES.length;
  while (out.length < Math.min(count, max * 0.5)) {
    const p = `${PREFIXES[Math.floor(rand() * PREFIXES.length)]}${STARTS[Math.floor(rand() * STARTS.length)]}${ENDS[Math.floor(rand() * ENDS.length)]}`;
    if (!seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  }
  return out;
}

const VENUES = [
  'St Mary’s Church Hall',
  'the Community Centre',
  'the Library',
  'the Methodist Hall',
  'the Family Hub',
  'the Leisure Centre',
  'the Village Hall',
  'the Health Centre',
  'the Scout Hut',
  'the Town Hall',
  'the Baptist Church',
  'the Allotments',
  'the Miners’ Welfare',
  'the Mosque Community Room',
  'the Gurdwara',
  'Unit 4, Riverside Business Park',
];
const STREETS = [
  'High Street',
  'Station Road',
  'Church Lane',
  'Victoria Road',
  'Market Place',
  'Mill Lane',
  'Queen Street',
  'Park Road',
  'London Road',
  'Green Lane',
  'Albert Street',
  'School Lane',
];
const TIMES = [
  'Mondays 10am–12pm',
  'Tuesdays and Thursdays 9:30am–3pm',
  'Weekdays 9am–5pm',
  'Wednesdays 1pm–3pm',
  'Fridays 10am–1pm',
  'Saturdays 9am–12pm',
  'First Monday of the month, 2pm–4pm',
  'Helpline 8am–8pm, 7 days',
  'By appointment',
  'Drop-in, Thursdays 6pm–8pm',
];
const GENERIC_ORGS = [
  'Community Trust',
  'CVS',
  'Council',
  'Voluntary Action',
  'Together',
  'Community Interest Company',
  'Neighbourhood Network',
  'Partnership',
  'Foundation',
];
const GENERIC_SENTENCES = [
  'Everyone is welcome and you do not need to book.',
  'Meets at {venue} in {place}; the building has step-free access and a hearing loop.',
  'Please ring ahead if you need help getting there or have access needs.',
  'Run by trained volunteers with support from local health and care services.',
  'Interpreters can be arranged for appointments on request.',
  'Refreshments are provided and carers are welcome to come along too.',
  'Sessions are relaxed and friendly, with no pressure to take part.',
  'You can refer yourself by phone or email, or ask your GP practice or link worker.',
  'Free parking is available and the venue is on the number 12 bus route.',
  'We cover {place} and the surrounding villages.',
  'Home visits are available for people who cannot get out.',
  'Part of the county social prescribing network.',
];

interface Spec {
  activities: string[];
  orgs: string[];
  sentences: string[];
  keywords: string[];
  ages?: [number, number];
}

const SPECS: Record<string, Spec> = {
  loneliness: {
    activities: [
      'Befriending Service',
      'Friendship Club',
      'Lunch Club',
      'Coffee Morning',
      'Telephone Befriending',
      'Men’s Shed',
      'Knit and Natter',
      'Chatty Café',
      'Good Neighbours Scheme',
      'Social Club for Older People',
      'Community Choir',
      'Tea and Chat',
    ],
    orgs: ['Age UK', 'Royal Voluntary Service', 'Re-engage', 'Silver Line', 'Good Neighbours'],
    sentences: [
      'A trained volunteer visits or phones each week for a friendly chat, helping people who feel lonely or isolated to reconnect.',
      'A weekly social group in {place} where older people can make friends, share a meal and take part in activities.',
      'Befriending for adults living alone, including people who have recently lost a partner or moved to the area.',
      'Our friendship groups reduce social isolation through regular, relaxed get-togethers with tea, cake and conversation.',
      'A space for men to meet, make things, share skills and talk shoulder to shoulder.',
      'Monthly Sunday tea parties for people over 75 who live alone, with free transport provided by volunteer drivers.',
    ],
    keywords: [
      'befriending',
      'isolation',
      'lonely',
      'social group',
      'friendship',
      'older people',
      'company',
      'coffee morning',
    ],
  },
  money: {
    activities: [
      'Debt Advice',
      'Benefits Advice',
      'Money Advice Service',
      'Welfare Rights Service',
      'Energy Advice',
      'Cost of Living Help',
      'Credit Union',
      'Universal Credit Help to Claim',
      'Pension Credit Advice',
    ],
    orgs: ['Citizens Advice', 'StepChange', 'Christians Against Poverty', 'Money Advice Trust', 'Welfare Rights Unit'],
    sentences: [
      'Free, confidential debt advice, including help with priority debts, bailiffs, county court judgments and debt relief orders.',
      'Benefits maximisation: a full benefits check, help to claim Universal Credit, PIP, Attendance Allowance and Pension Credit, and support with mandatory reconsideration and appeals.',
      'Welfare rights advisers help with benefit applications, sanctions and tribunal appeals.',
      'Help with energy bills, fuel poverty, prepayment meters and applying for hardship grants.',
      'Budgeting support and income maximisation for households struggling with the cost of living.',
      'Affordable loans and savings accounts as an alternative to doorstep lenders and payday loans.',
    ],
    keywords: [
      'debt',
      'benefits',
      'universal credit',
      'PIP',
      'bills',
      'money',
      'hardship',
      'budgeting',
      'fuel poverty',
    ],
  },
  housing: {
    activities: [
      'Housing Advice',
      'Homelessness Prevention Team',
      'Tenancy Sustainment Service',
      'Rough Sleeper Outreach',
      'Night Shelter',
      'Private Rented Sector Advice',
      'Supported Housing',
    ],
    orgs: ['Shelter', 'Crisis', 'Housing Options', 'YMCA', 'St Mungo’s'],
    sentences: [
      'Housing options advice for anyone homeless or at risk of homelessness, including people sofa surfing or facing eviction.',
      'Tenancy sustainment support to help people keep their home, manage rent arrears and deal with disrepair.',
      'Outreach workers support people sleeping rough in {place} into emergency accommodation.',
      'Advice on section 21 notices, deposits, disrepair and disputes with private landlords.',
      'Supported accommodation for young people aged 16 to 25 with key-worker support.',
    ],
    keywords: [
      'homeless',
      'housing',
      'eviction',
      'rent arrears',
      'tenancy',
      'landlord',
      'rough sleeping',
      'temporary accommodation',
    ],
  },
  bereavement: {
    activities: [
      'Bereavement Support Group',
      'Bereavement Counselling',
      'Grief Café',
      'Widows and Widowers Group',
      'Child Bereavement Service',
      'Bereaved by Suicide Support',
    ],
    orgs: [
      'Cruse Bereavement Support',
      'Marie Curie',
      'The Compassionate Friends',
      'St Catherine’s Hospice',
      'Winston’s Wish',
    ],
    sentences: [
      'Support for adults after the death of someone close, with one-to-one bereavement counselling and drop-in groups.',
      'A monthly grief café where people who have lost a loved one can talk with others who understand.',
      'Bereavement support for children and young people after the death of a parent, sibling or friend.',
      'Practical and emotional help after a death, including what to do next and coping with grief.',
    ],
    keywords: ['bereavement', 'grief', 'loss', 'death', 'widowed', 'counselling'],
  },
  carers: {
    activities: [
      'Carers Support Service',
      'Young Carers Project',
      'Carers Café',
      'Carers Assessment Advice',
      'Respite Break Scheme',
      'Dementia Carers Group',
    ],
    orgs: ['Carers Trust', 'Carers UK', 'Carers Centre', 'Crossroads Care'],
    sentences: [
      'Information, advice and emotional support for unpaid carers looking after a family member or friend.',
      'Help to get a carer’s assessment, Carer’s Allowance and short breaks or respite care.',
      'Young carers aged 8 to 18 get activities, trips and a chance to have fun with others in the same situation.',
      'A peer support group for people caring for someone living with dementia.',
    ],
    keywords: ['carers', 'caring', 'respite', 'carer’s allowance', 'young carers', 'looking after'],
  },
  wellbeing: {
    activities: [
      'Talking Therapies',
      'Wellbeing Café',
      'Mindfulness Course',
      'Stress Control Class',
      'Peer Support Group',
      'Recovery College',
      'Listening Service',
    ],
    orgs: ['Mind', 'Samaritans', 'Recovery College', 'Talking Therapies', 'Andy’s Man Club'],
    sentences: [
      'Free talking therapies for adults with low mood, stress, anxiety or worry; you can refer yourself.',
      'A drop-in wellbeing café offering peer support and a calm space to talk.',
      'Free courses on managing stress, sleep, confidence and emotional wellbeing.',
      'Peer support for men who are struggling: it’s okay to talk.',
      'A listening service for anyone who is feeling low, overwhelmed or needs someone to talk to.',
    ],
    keywords: [
      'mental health',
      'anxiety',
      'stress',
      'low mood',
      'wellbeing',
      'counselling',
      'talking therapy',
      'peer support',
    ],
  },
  activity: {
    activities: [
      'Walking for Health',
      'Health Walks',
      'Chair-Based Exercise',
      'Parkrun',
      'Tai Chi',
      'Community Gardening',
      'Swimming for Over 50s',
      'Weight Management Programme',
      'Couch to 5K',
      'Walking Football',
      'Dance for Health',
    ],
    orgs: ['Active Communities', 'Leisure Trust', 'Ramblers', 'Sport Partnership', 'Green Gym'],
    sentences: [
      'Free, short, led walks on flat routes for people who want to get more active at their own pace.',
      'Gentle seated exercise to improve strength, balance and mobility, suitable for people with limited movement.',
      'Exercise on referral for people with long-term conditions, with a 12-week supported programme at the leisure centre.',
      'Get outdoors and grow food in our community garden; no experience needed.',
      'A healthy lifestyle programme covering weight, healthy eating and being more active.',
    ],
    keywords: ['exercise', 'walking', 'physical activity', 'fitness', 'healthy eating', 'weight', 'gardening', 'sport'],
  },
  food: {
    activities: [
      'Food Bank',
      'Community Pantry',
      'Community Fridge',
      'Holiday Hunger Programme',
      'Hot Meals Service',
      'Baby Bank',
      'Clothes Bank',
    ],
    orgs: ['Trussell', 'FareShare', 'Community Pantry', 'Salvation Army', 'Storehouse'],
    sentences: [
      'Emergency food parcels for people in crisis; a food bank voucher is needed from a referral agency.',
      'A low-cost community pantry: members pay a small weekly fee for a bag of food and toiletries.',
      'Free hot meals served every week, no questions asked.',
      'Nappies, baby clothes and equipment for families who need them.',
      'School holiday activities with a free healthy lunch for children on free school meals.',
    ],
    keywords: ['food bank', 'food parcel', 'hungry', 'essentials', 'toiletries', 'nappies', 'free meals', 'pantry'],
  },
  work: {
    activities: [
      'Employment Support',
      'Volunteering Hub',
      'Adult Learning Courses',
      'Job Club',
      'Skills for Work',
      'Individual Placement and Support',
      'Back to Work Programme',
    ],
    orgs: ['Volunteer Centre', 'Jobcentre Plus', 'Adult Education Service', 'Remploy', 'Prince’s Trust'],
    sentences: [
      'One-to-one employment support to help you find work, write a CV and prepare for interviews.',
      'Find volunteering opportunities that match your interests and build skills and confidence.',
      'Free adult learning courses in English, maths, ESOL and IT.',
      'Employment support for people with health conditions or disabilities who want to return to work.',
    ],
    keywords: ['jobs', 'employment', 'volunteering', 'CV', 'training', 'courses', 'skills', 'apprenticeships'],
  },
  family: {
    activities: [
      'Family Hub',
      'Parenting Course',
      'Relationship Counselling',
      'Dads’ Group',
      'Stay and Play',
      'Home-Start Family Support',
      'Separated Parents Programme',
    ],
    orgs: ['Home-Start', 'Relate', 'Family Lives', 'Gingerbread', 'Children’s Centre'],
    sentences: [
      'Trained volunteers visit families with at least one child under five who are finding things hard.',
      'Parenting courses on behaviour, sleep, teenagers and co-parenting after separation.',
      'Relationship counselling for couples and families going through difficult times.',
      'Stay and play sessions for parents and carers with babies and toddlers.',
    ],
    keywords: [
      'parenting',
      'family support',
      'relationships',
      'separation',
      'children',
      'toddlers',
      'dads',
      'single parents',
    ],
  },
  abuse: {
    activities: [
      'Domestic Abuse Service',
      'Independent Domestic Violence Advisers',
      'Refuge',
      'Freedom Programme',
      'Stalking Advocacy',
      'Sexual Violence Support',
    ],
    orgs: ['Women’s Aid', 'Refuge', 'Respect', 'Safe Lives', 'Rape Crisis'],
    sentences: [
      'Confidential support for anyone experiencing domestic abuse, including safety planning and refuge accommodation.',
      'Independent domestic violence advisers support high-risk victims through the criminal justice process.',
      'The Freedom Programme helps women understand abusive relationships and coercive control.',
      'Specialist support for people who have experienced rape or sexual abuse, whenever it happened.',
    ],
    keywords: ['domestic abuse', 'domestic violence', 'coercive control', 'refuge', 'safety', 'IDVA', 'stalking'],
  },
  substance: {
    activities: [
      'Drug and Alcohol Service',
      'Alcohol Recovery Group',
      'Gambling Support',
      'Smoking Cessation',
      'SMART Recovery Meeting',
      'Family Support for Addiction',
    ],
    orgs: ['Change Grow Live', 'Turning Point', 'Alcoholics Anonymous', 'GamCare', 'We Are With You'],
    sentences: [
      'Free, confidential support for adults worried about their drinking or drug use, including detox and recovery groups.',
      'Support and treatment for problem gambling, with counselling and help for affected families.',
      'A stop smoking service with free nicotine replacement and weekly support.',
      'Peer-led recovery meetings for people affected by alcohol and substance misuse.',
    ],
    keywords: ['alcohol', 'drugs', 'addiction', 'recovery', 'gambling', 'smoking', 'drinking', 'substance misuse'],
    ages: [18, 120],
  },
  legal: {
    activities: [
      'Legal Advice Clinic',
      'Immigration Advice',
      'Consumer Advice',
      'Employment Law Advice',
      'Refugee and Asylum Support',
      'Law Centre Drop-in',
    ],
    orgs: ['Law Centre', 'Citizens Advice', 'Refugee Council', 'Migrant Help', 'Advocacy Service'],
    sentences: [
      'Free legal advice on housing, employment, discrimination and family law from qualified solicitors.',
      'Regulated immigration advice for asylum seekers, refugees and people with visa or settlement questions.',
      'Consumer advice on faulty goods, scams, doorstep sellers and disputes with traders.',
      'Independent advocacy to help people have their say in decisions about their care.',
    ],
    keywords: [
      'legal advice',
      'immigration',
      'asylum',
      'consumer rights',
      'scams',
      'solicitor',
      'advocacy',
      'discrimination',
    ],
  },
  digital: {
    activities: [
      'Digital Skills Drop-in',
      'Computer Club',
      'Tablet Loan Scheme',
      'Online Centre',
      'Get Online Sessions',
      'Data Bank',
    ],
    orgs: ['Good Things Foundation', 'Library Service', 'Digital Inclusion Team', 'AbilityNet'],
    sentences: [
      'Friendly help to get online: using a smartphone or tablet, email, video calls and the NHS App.',
      'Free data SIM cards and loan tablets for people who cannot afford to get online.',
      'Digital skills sessions at the library covering online forms, Universal Credit journals and staying safe online.',
      'Volunteers help older people with computers, tablets and smartphones in their own homes.',
    ],
    keywords: ['computers', 'internet', 'digital skills', 'smartphone', 'tablet', 'online', 'wifi', 'NHS App'],
  },
  transport: {
    activities: [
      'Community Transport',
      'Dial-a-Ride',
      'Volunteer Car Scheme',
      'Non-Emergency Patient Transport',
      'Shopmobility',
      'Travel Training',
    ],
    orgs: ['Community Transport', 'Dial-a-Ride', 'Royal Voluntary Service', 'Patient Transport Service'],
    sentences: [
      'Door-to-door accessible minibus transport for people who cannot use public transport.',
      'Volunteer drivers take people to hospital and GP appointments for a small mileage charge.',
      'Non-emergency patient transport for eligible patients with a medical need to travel to hospital.',
      'Mobility scooter and wheelchair hire in the town centre.',
    ],
    keywords: ['transport', 'lifts', 'hospital appointments', 'minibus', 'driving', 'wheelchair', 'travel', 'bus'],
  },
  practical: {
    activities: [
      'Handyperson Service',
      'Home from Hospital',
      'Falls Prevention',
      'Aids and Adaptations',
      'Home Safety Checks',
      'Shopping Service',
      'Equipment Loan',
    ],
    orgs: ['Care and Repair', 'British Red Cross', 'Age UK', 'Occupational Therapy Service', 'Fire and Rescue Service'],
    sentences: [
      'A handyperson service for small repairs, grab rails and key safes for older and disabled people.',
      'Home from hospital support: shopping, prescriptions and settling back in after a hospital stay.',
      'Advice on aids and adaptations, stairlifts, disabled facilities grants and equipment to stay independent.',
      'Free home fire safety visits and falls prevention advice.',
    ],
    keywords: [
      'repairs',
      'adaptations',
      'equipment',
      'falls',
      'home help',
      'shopping',
      'grab rails',
      'independent living',
    ],
  },
  conditions: {
    activities: [
      'Diabetes Support Group',
      'Breathe Easy Group',
      'Stroke Club',
      'Dementia Café',
      'Cancer Support Centre',
      'Parkinson’s Group',
      'Arthritis Support',
      'Long Covid Peer Group',
      'Memory Café',
      'Heart Support Group',
    ],
    orgs: [
      'Macmillan',
      'Alzheimer’s Society',
      'Stroke Association',
      'Diabetes UK',
      'Asthma + Lung UK',
      'Parkinson’s UK',
    ],
    sentences: [
      'Peer support for people living with a long-term condition and their families, with talks from health professionals.',
      'A memory café for people living with dementia and their carers, with music, reminiscence and advice.',
      'Support for anyone affected by cancer, during and after treatment, including help with money worries.',
      'A friendly group for people living with COPD and other lung conditions, with singing for lung health.',
      'Life after stroke: communication support, exercise and a chance to meet other stroke survivors.',
    ],
    keywords: [
      'long-term condition',
      'peer support',
      'dementia',
      'cancer',
      'diabetes',
      'COPD',
      'stroke',
      'chronic pain',
    ],
  },
};

const CATEGORY_KEYS = Object.keys(SPECS);

/**
 * What receptionists type: lay words, slang, misspellings, names, life events. Benchmarks time every
 * prefix of each ("l", "lo", "lon", ...), as a search box sees them while someone types.
 */
export const LAY_QUERIES = [
  'skint',
  'lonely since his wife died',
  'bailiffs',
  'cant get to the hospital',
  'benifits',
  'mens shed',
  'debt advice',
  'food bank',
  'carer for my mum',
  'dementia',
  'housebound',
  'no wifi',
  'bus pass',
  'gambling',
  'booze',
  'he hits me',
  'sofa surfing',
  'kicked out',
  'chemo',
  'walking group',
  'befriending',
  'anxiety',
  'lonley',
  'homless',
  'eviction notice',
  'universal credit',
  'pip appeal',
  'young carers',
  'grief',
  'stop smoking',
  'wheelchair',
  'grab rails',
  'immigration advice',
  'scam calls',
  'learn english',
  'volunteering',
  'parenting course',
  'on my own',
  'widowed',
  'coffee morning',
];

/** Every prefix of every query, in typing order. */
export function keystrokes(queries: readonly string[] = LAY_QUERIES): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}
