# Derives the parameters of bundles/etw.cli/src/main/resources/validation/gevo-2024-steps.yaml from IEA's Global
# EV Data Explorer 2024 file ("IEA Global EV Data 2024.csv", CC BY 4.0, with its Projection-STEPS rows):
#   python3 derive-gevo-2024-steps.py "IEA Global EV Data 2024.csv"
# prints the parameter lines (paste them under `etw.models.electrification:`) and, as comments, the published
# totals per region and the electricity per vehicle it used. iea-gevd-2024-excerpt.csv next to this file holds the
# rows it reads for World, China, USA and Europe.
import csv, collections, sys
src = sys.argv[1]
d = collections.defaultdict(float)
for r in csv.DictReader(open(src)):
    y = int(r['year'])
    if (r['category'] == 'Historical' and y <= 2023) or (r['category'] == 'Projection-STEPS' and y > 2023):
        d[(r['region'], r['parameter'], r['mode'], r['powertrain'], y)] += float(r['value'])
IEA = {'World': 'World', 'China': 'China', 'United States': 'USA', 'Europe': 'Europe'}
REGIONS = ['World', 'China', 'United States', 'Europe', 'Rest of World']
def g(reg, par, mode, yr, pts=('BEV', 'PHEV')):
    if reg == 'Rest of World':
        return g('World', par, mode, yr, pts) - sum(g(x, par, mode, yr, pts) for x in ('China', 'United States', 'Europe'))
    return sum(d.get((IEA[reg], par, mode, p, yr), 0) for p in pts)
def market(reg, mode, yr):
    if reg == 'Rest of World':
        return market('World', mode, yr) - sum(market(x, mode, yr) for x in ('China', 'United States', 'Europe'))
    share = g(reg, 'EV sales share', mode, yr, ('EV',)) / 100
    return g(reg, 'EV sales', mode, yr) / share if share > 0 else 0

MODES = [('Cars', ''), ('Buses', 'bus_'), ('Vans', 'van_'), ('Trucks', None)]
HEAVY_2024, HEAVY_2030, HEAVY_STOCK = 0.2, 0.44, 0.1
def num(x):
    return f"{x:.4g}" if abs(x) >= 1e-4 else "0"
def traj(points):
    return '{' + ', '.join(f"{y}: {num(v)}" for y, v in points) + '}'
def per_region(values):
    return '{' + ', '.join(f"{r}: {v}" for r, v in values.items()) + '}'
def sales_points(reg, mode, share=lambda y: 1.0):
    s = {y: g(reg, 'EV sales', mode, y) / 1e6 for y in (2023, 2025, 2030, 2035)}
    s[2024] = (s[2023] + s[2025]) / 2
    return [(y, s[y] * share(y)) for y in (2024, 2025, 2030, 2035)]
def heavy(y):
    return HEAVY_2024 + (HEAVY_2030 - HEAVY_2024) * min(1, (y - 2024) / 6)
out = {}
def put(name, reg, text):
    out.setdefault(name, {})[reg] = text
for reg in REGIONS:
    for mode, prefix in MODES:
        m = {y: market(reg, mode, y) / 1e6 for y in (2025, 2030, 2035)}
        g1 = min(0.1, max(-0.05, (m[2030] / m[2025]) ** 0.2 - 1))
        g2 = min(0.1, max(-0.05, (m[2035] / m[2030]) ** 0.2 - 1))
        base = m[2025] / (1 + g1)
        stock = g(reg, 'EV stock', mode, 2023) / 1e6 + sales_points(reg, mode)[0][1]
        parts = [(prefix, lambda y: 1.0, 1.0, 1.0)] if prefix is not None else [
            ('medium_truck_', lambda y: 1 - heavy(y), 1 - HEAVY_2030, 1 - HEAVY_STOCK),
            ('heavy_truck_', heavy, HEAVY_2030, HEAVY_STOCK)]
        for p, share, mshare, sshare in parts:
            put(p + 'ev_sales_given', reg, traj(sales_points(reg, mode, share)))
            put((p or 'car_') + 'sales_base', reg, num(base * mshare))
            put((p or 'car_') + 'sales_growth', reg, traj([(2025, g1), (2030, g1), (2031, g2)]))
            put((p or 'ev_') + ('ev_stock_base' if p else 'stock_base'), reg, num(stock * sshare))
for name, values in out.items():
    print(f"    {name}: {per_region(values)}")
print()
for reg in REGIONS:
    for y in (2030, 2035):
        st = sum(g(reg, 'EV stock', m, y) for m, _ in MODES) / 1e6
        el = sum(g(reg, 'Electricity demand', m, y, ('EV',)) for m, _ in MODES) / 1e3
        print(f"# {reg} {y}: EV stock {st:.2f} million, EV electricity {el:.0f} TWh  " +
              ' '.join(f"{m}:{g(reg,'EV stock',m,y)/1e6:.2f}/{g(reg,'Electricity demand',m,y,('EV',))/1e3:.0f}" for m,_ in MODES))

print()
KWH = {'Buses': ('bus_', 0.96), 'Vans': ('van_', 0.30)}
for mode, (p, kwh) in KWH.items():
    vals = {}
    for reg in REGIONS:
        mid = (g(reg, 'EV stock', mode, 2022) + g(reg, 'EV stock', mode, 2023)) / 2
        el = g(reg, 'Electricity demand', mode, 2023, ('EV',))
        src = reg
        if mid < 10000:
            src = 'World'
            mid = (g('World', 'EV stock', mode, 2022) + g('World', 'EV stock', mode, 2023)) / 2
            el = g('World', 'Electricity demand', mode, 2023, ('EV',))
        mwh = el * 1e3 / mid
        vals[reg] = f"{mwh * 1000 / kwh:.0f}"
        print(f"# {mode} {reg}: {el/1e3:.2f} TWh / {mid/1e6:.4f} million = {mwh:.1f} MWh ({src})")
    print(f"    {p}km_per_vehicle: {per_region(vals)}")

mid = (g('China', 'EV stock', 'Trucks', 2022) + g('China', 'EV stock', 'Trucks', 2023)) / 2
mwh = g('China', 'Electricity demand', 'Trucks', 2023, ('EV',)) * 1e3 / mid
print(f"# Trucks China: {g('China', 'Electricity demand', 'Trucks', 2023, ('EV',))/1e3:.2f} TWh / {mid/1e6:.4f} million = {mwh:.1f} MWh")
print("    medium_truck_km_per_vehicle: " + per_region({r: f"{mwh*1000/0.70:.0f}" if r == 'China' else '25000' for r in REGIONS}))
print("    heavy_truck_km_per_vehicle: " + per_region({r: f"{mwh*1000/1.3:.0f}" if r == 'China' else '60000' for r in REGIONS}))
