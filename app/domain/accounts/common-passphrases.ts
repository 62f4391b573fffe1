// A small bundled list of the passwords seen most often in public breach corpora (8+ characters,
// since shorter ones are refused anyway). Compared case-insensitively. Kept short on purpose:
// the aim is to stop the obvious, not to ship a dictionary.
const LIST = `
password password1 password12 password123 password1234 passw0rd p@ssw0rd p@ssword pa55word
12345678 123456789 1234567890 12345678910 0123456789 11111111 111111111 1111111111 00000000
87654321 987654321 9876543210 12341234 11223344 112233445566 123123123 123321123 12344321
qwertyui qwertyuiop qwerty12 qwerty123 qwerty1234 1qaz2wsx 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y
zaq12wsx q1w2e3r4 q1w2e3r4t5 asdfghjk asdfghjkl asdf1234 zxcvbnm1 zxcvbnm123 qazwsxedc
iloveyou iloveyou1 iloveyou2 princess princess1 sunshine sunshine1 football football1
baseball baseball1 superman superman1 batman123 starwars starwars1 pokemon1 charlie1
whatever whatever1 trustno1 letmein1 letmein123 welcome1 welcome123 welcome2 changeme
changeme1 changeme123 computer computer1 internet michelle jennifer jessica1 nicole123
abcd1234 abc12345 abcdefgh abcdefg1 a1b2c3d4 aa123456 aa12345678 monkey12 monkey123
dragon12 dragon123 master12 master123 shadow12 shadow123 freedom1 mustang1 michael1
jordan23 liverpool liverpool1 chelsea1 arsenal1 manchester manutd123 tottenham
blink182 11111111a qwe12345 qweasdzxc 1qazxsw2 zaq1zaq1 !qaz2wsx q1w2e3r4t5y6
samsung1 samsung123 google123 facebook facebook1 linkedin1 myspace1 yahoo123
secret12 secret123 mypassword mypassword1 passport password! password@ password#
letmein! admin123 admin1234 administrator root1234 guest123 test1234 testing1 testtest
hello123 hellohello helloworld lovely12 loveme12 lovelove 12qwaszx 123qweasd
123abc123 abc123abc qwertyqwerty 99999999 88888888 77777777 66666666 55555555 44444444
33333333 22222222 12121212 13131313 69696969 20202020 19191919 18181818 10101010
summer2020 summer2021 summer2022 summer2023 summer2024 summer2025 summer2026
winter2020 winter2021 winter2022 winter2023 winter2024 winter2025 winter2026
spring2024 spring2025 autumn2024 autumn2025 january1 december1 september
foothold foothold1 foothold123 recovery recovery1 sobriety sober123 1234qwer
`

export const COMMON_PASSPHRASES: ReadonlySet<string> = new Set(
  LIST.split(/\s+/)
    .filter(Boolean)
    .map((p) => p.toLowerCase()),
)

export function isCommonPassphrase(passphrase: string): boolean {
  return COMMON_PASSPHRASES.has(passphrase.trim().toLowerCase())
}
