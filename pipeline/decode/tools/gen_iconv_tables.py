import subprocess, unicodedata
def one(enc, b):
    r = subprocess.run(['iconv','-f',enc,'-t','UTF-8'], input=bytes([b]), capture_output=True)
    if r.returncode != 0: return None
    return r.stdout.decode('utf-8')
for enc, name, rng in [('VISCII','viscii', range(0,256)), ('TCVN5712-1','tcvn3', range(0,256))]:
    rows=[]
    for b in rng:
        s = one(enc, b)
        if s is None or s == '': continue
        if b < 0x80 and len(s)==1 and ord(s)==b: continue  # identity (ASCII) rows are implicit
        rows.append((b,s))
    with open(name+'.tsv','w') as f:
        f.write(f"# {name.upper()} byte -> Unicode, one row per byte that differs from ASCII.\n# columns: byte(s) in hex, code point(s) in hex, the character\n")
        for b,s in rows:
            f.write("%02X\t%s\t%s\n" % (b, ' '.join('%04X'%ord(c) for c in s), s if unicodedata.category(s[0])[0]!='M' else '\u25cc'+s))
    print(name, len(rows))
