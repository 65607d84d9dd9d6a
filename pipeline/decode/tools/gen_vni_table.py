import unicodedata
# VNI-Windows font encoding: a base letter followed by a mark byte (shown here
# as its Windows-1252 character); a few letters are one byte.
low = {
 'a': {'':'a','s':'aù','f':'aø','r':'aû','x':'aõ','j':'aï'},
 'â': {'':'aâ','s':'aá','f':'aà','r':'aå','x':'aã','j':'aä'},
 'ă': {'':'aê','s':'aé','f':'aè','r':'aú','x':'aü','j':'aë'},
 'e': {'':'e','s':'eù','f':'eø','r':'eû','x':'eõ','j':'eï'},
 'ê': {'':'eâ','s':'eá','f':'eà','r':'eå','x':'eã','j':'eä'},
 'i': {'':'i','s':'í','f':'ì','r':'æ','x':'ó','j':'ò'},
 'o': {'':'o','s':'où','f':'oø','r':'oû','x':'oõ','j':'oï'},
 'ô': {'':'oâ','s':'oá','f':'oà','r':'oå','x':'oã','j':'oä'},
 'ơ': {'':'ô','s':'ôù','f':'ôø','r':'ôû','x':'ôõ','j':'ôï'},
 'u': {'':'u','s':'uù','f':'uø','r':'uû','x':'uõ','j':'uï'},
 'ư': {'':'ö','s':'öù','f':'öø','r':'öû','x':'öõ','j':'öï'},
 'y': {'':'y','s':'yù','f':'yø','r':'yû','x':'yõ','j':'î'},
}
tone = {'':'', 's':'\u0301','f':'\u0300','r':'\u0309','x':'\u0303','j':'\u0323'}
rows=[]
for base, forms in low.items():
    for t, enc in forms.items():
        for upper in (False, True):
            ch = unicodedata.normalize('NFC', base + tone[t])
            e = enc
            if upper:
                ch = ch.upper(); e = enc.upper()
            b = e.encode('cp1252')
            if len(b)==1 and b[0] < 0x80: continue
            rows.append((b, ch))
rows.append(('ñ'.encode('cp1252'),'đ')); rows.append(('Ñ'.encode('cp1252'),'Đ'))
with open('vni.tsv','w') as f:
    f.write("# VNI-Windows (VNI Times font encoding) byte(s) -> Unicode.\n# A letter is one byte or a base byte followed by a mark byte; the decoder\n# takes the longest match.  columns: bytes in hex, code point(s) in hex, the character\n")
    for b,ch in sorted(rows, key=lambda r:(len(r[0]), r[0])):
        f.write("%s\t%s\t%s\n" % (b.hex().upper(), ' '.join('%04X'%ord(c) for c in ch), ch))
print(len(rows))
