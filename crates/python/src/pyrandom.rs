//! CPython 3.11's `random` module, bit for bit, for integer seeds.
//!
//! The generator is the Mersenne Twister MT19937 (Matsumoto & Nishimura),
//! seeded like `random.seed(n)` for an int `n`: the absolute value is split
//! into 32-bit words (least significant first, a single 0 word for 0) and fed
//! to the reference `init_by_array`.  The derived methods follow the
//! algorithms of `Lib/random.py` in 3.11 (`_randbelow_with_getrandbits`,
//! `randrange`, `shuffle`, `sample`, ...), so the same seed gives the same
//! sequence as CPython.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// A `random.Random` instance.
#[derive(Clone)]
pub struct PyRandom {
    mt: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

impl std::fmt::Debug for PyRandom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PyRandom")
            .field("index", &self.index)
            .finish_non_exhaustive()
    }
}

impl PyRandom {
    /// `random.Random(seed)` / `random.seed(seed)` for an int seed.
    pub fn new_seeded(seed: &BigInt) -> PyRandom {
        let mut r = PyRandom {
            mt: [0; N],
            index: N,
            gauss_next: None,
        };
        r.seed(seed);
        r
    }

    /// For unseeded use (CPython would read os.urandom): seeds with the
    /// given number, e.g. nanoseconds since the epoch.
    pub fn seed_from_time(t: u64) -> PyRandom {
        PyRandom::new_seeded(&BigInt::from(t))
    }

    /// `random.seed(n)` for an int `n` (the sign is ignored, as in CPython).
    pub fn seed(&mut self, seed: &BigInt) {
        let mut key = seed.magnitude().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mut i = 1usize;
        let mut j = 0usize;
        for _ in 0..N.max(key.len()) {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x8000_0000;
        self.index = N;
    }

    fn twist(&mut self) {
        for k in 0..N {
            let y = (self.mt[k] & UPPER_MASK) | (self.mt[(k + 1) % N] & LOWER_MASK);
            let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
            self.mt[k] = self.mt[(k + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    /// The next raw 32-bit output (CPython's `genrand_uint32`).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `random.random()`: 53 random bits in [0.0, 1.0).
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.getrandbits(k)` for k <= 64, as a u64.
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        assert!(k <= 64, "getrandbits_u64: k must be <= 64");
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.next_u32() >> (32 - k)) as u64;
        }
        let lo = self.next_u32() as u64;
        let hi = (self.next_u32() >> (64 - k)) as u64;
        lo | (hi << 32)
    }

    /// `random.getrandbits(k)` for any k: 32-bit words least significant
    /// first, the last one keeping only its top bits.
    pub fn getrandbits(&mut self, k: u32) -> BigUint {
        if k <= 64 {
            return BigUint::from(self.getrandbits_u64(k));
        }
        let mut words = Vec::with_capacity(((k - 1) / 32 + 1) as usize);
        let mut left = k;
        while left > 0 {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            words.push(r);
            left = left.saturating_sub(32);
        }
        BigUint::new(words)
    }

    /// `_randbelow_with_getrandbits(n)`: uniform in [0, n).  n == 0 gives 0
    /// (CPython 3.11 would loop forever; its callers never pass 0).
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow_with_getrandbits(n)` for a big `n > 0`; n <= 0 gives 0.
    pub fn randbelow(&mut self, n: &BigInt) -> BigInt {
        if !n.is_positive() {
            return BigInt::zero();
        }
        if let Some(small) = n.to_u64() {
            return BigInt::from(self.randbelow_u64(small));
        }
        let limit = n.magnitude();
        let k = limit.bits() as u32;
        loop {
            let r = self.getrandbits(k);
            if &r < limit {
                return BigInt::from_biguint(Sign::Plus, r);
            }
        }
    }

    /// `randrange(start, stop, step)` on big ints.  Errors are CPython's
    /// ValueError messages.
    pub fn randrange_big(
        &mut self,
        start: &BigInt,
        stop: &BigInt,
        step: &BigInt,
    ) -> Result<BigInt, String> {
        let width = stop - start;
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + self.randbelow(&width));
            }
            return Err(format!(
                "empty range for randrange() ({}, {}, {})",
                start, stop, width
            ));
        }
        let n = if step.is_positive() {
            floor_div(&(&width + step - 1), step)
        } else if step.is_negative() {
            floor_div(&(&width + step + 1), step)
        } else {
            return Err("zero step for randrange()".to_string());
        };
        if !n.is_positive() {
            return Err("empty range for randrange()".to_string());
        }
        Ok(start + step * self.randbelow(&n))
    }

    /// `randrange(start, stop, step)`.
    pub fn randrange(&mut self, start: i64, stop: i64, step: i64) -> Result<i64, String> {
        let r = self.randrange_big(
            &BigInt::from(start),
            &BigInt::from(stop),
            &BigInt::from(step),
        )?;
        Ok(r.to_i64().expect("result lies between start and stop"))
    }

    /// `randrange(stop)` (one argument).
    pub fn randrange_stop(&mut self, stop: i64) -> Result<i64, String> {
        if stop > 0 {
            Ok(self.randbelow_u64(stop as u64) as i64)
        } else {
            Err("empty range for randrange()".to_string())
        }
    }

    /// `randint(a, b)` == `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64, String> {
        let r = self.randrange_big(&BigInt::from(a), &(BigInt::from(b) + 1), &BigInt::one())?;
        Ok(r.to_i64().expect("result lies between a and b"))
    }

    /// `choice(seq)` for a sequence of length `len`: the chosen index.
    /// Error: CPython's IndexError message.
    pub fn choice(&mut self, len: usize) -> Result<usize, String> {
        if len == 0 {
            return Err("Cannot choose from an empty sequence".to_string());
        }
        Ok(self.randbelow_u64(len as u64) as usize)
    }

    /// `shuffle(x)` in place.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.randbelow_u64(i as u64 + 1) as usize;
            v.swap(i, j);
        }
    }

    /// `uniform(a, b)` == `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `sample(population, k)` for a population of length `n`: the chosen
    /// indices in selection order.  Error: CPython's ValueError message.
    pub fn sample(&mut self, n: usize, k: usize) -> Result<Vec<usize>, String> {
        if k > n {
            return Err("Sample larger than population or is negative".to_string());
        }
        let mut result = Vec::with_capacity(k);
        let mut setsize: f64 = 21.0;
        if k > 5 {
            let e = ((k as f64) * 3.0).ln() / 4f64.ln();
            setsize += 4f64.powf(e.ceil());
        }
        if (n as f64) <= setsize {
            // pool tracking: the unpicked items live in pool[..n - i]
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_u64((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow_u64(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow_u64(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `choices(population, k=k)` without weights, for a population of
    /// length `n > 0`: indices `floor(random() * n)`.
    pub fn choices(&mut self, n: usize, k: usize) -> Vec<usize> {
        let nf = n as f64;
        (0..k)
            .map(|_| (self.random() * nf).floor() as usize)
            .collect()
    }

    /// `gauss(mu, sigma)` (keeps the second value of each pair, like
    /// CPython).  Uses the platform's cos/sin/ln, which may differ from
    /// CPython's libm in the last bit on some targets.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * std::f64::consts::TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }
}

/// Python's `a // b` (b != 0), without depending on `num-integer`.
fn floor_div(a: &BigInt, b: &BigInt) -> BigInt {
    let q = a / b; // truncates toward zero
    let r = a - &q * b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        q - 1
    } else {
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Output of the Python calls listed at `transcript`, under CPython 3.11.7.
    const EXPECTED: &str = r#"seed 0
random ['0.8444218515250481', '0.7579544029403025', '0.420571580830845']
randint [34, 66, 63, 52, 39, 62, 46, 75, 28, 65]
getrandbits [0, 36, 600203567, 3246154361, 14746374668458749500, 36658461778506755831, 1006607451687473033780946933522, 117569059406660300040738620495555628054017110496644473176326]
randrange [98, 37, 10, 8, -222178411020]
shuffle [1, 9, 0, 2, 8, 7, 4, 3, 5, 6]
choice [0, 5, 6, 3, 5]
sample [85, 80, 0, 78, 63] [10, 7, 19, 2, 6, 14, 9, 3, 12, 16, 8, 18, 1, 0, 17, 4, 11, 15, 13, 5] [723, 127, 560, 340, 834, 944, 553, 208, 986, 818, 617, 601, 294, 455, 93, 610, 817, 394, 324, 589, 247, 297, 188, 193, 841, 191, 33, 627, 672, 266] [15, 2, 28, 21, 24, 4, 25, 1, 27, 17]
uniform ['6.797112487499001', '7.993455541997748']
choices [5, 5, 2, 2, 6]
gauss ['0.47496534704102195', '-0.9283719279906131', '-0.1837636879029222']
big 107541736970117886477674382861 -634332189457145990155
seed 1
random ['0.13436424411240122', '0.8474337369372327', '0.763774618976614']
randint [33, 16, 64, 98, 58, 61, 84, 49, 27, 13]
getrandbits [0, 3, 3836767462, 3589583794, 11205253249702154886, 14151560559444937093, 892610668220964702735858539096, 514103592446660769458601361856863337788800768926562216345141]
randrange [0, 97, -47, 8, -158696506663]
shuffle [5, 7, 2, 8, 9, 1, 4, 0, 6, 3]
choice [2, 1, 5, 1, 6]
sample [58, 37, 2, 53, 71] [3, 5, 9, 19, 10, 14, 11, 13, 8, 6, 12, 16, 4, 2, 7, 17, 18, 15, 0, 1] [248, 761, 816, 413, 424, 680, 177, 375, 561, 903, 719, 794, 690, 755, 383, 88, 449, 679, 520, 110, 797, 167, 533, 860, 402, 379, 501, 750, 30, 480] [1, 9, 22, 19, 18, 25, 12, 20, 5, 21]
uniform ['5.392348827859494', '9.111093940923642']
choices [7, 5, 8, 2, 5]
gauss ['1.2550804124456014', '-0.3863946812031045', '-0.7661445336252399']
big 947340351622391838553219365992 -556923069594977750504
seed 42
random ['0.6394267984578837', '0.025010755222666936', '0.27502931836911926']
randint [29, 18, 95, 14, 87, 95, 70, 12, 76, 55]
getrandbits [0, 3, 402418010, 939042955, 11105285438068160209, 10353144037217341363, 689389989008706571999241899953, 1398597462555957959986195360714195055057317399700319961982628]
randrange [0, 70, 39, 6, -388653279114]
shuffle [4, 9, 1, 7, 8, 6, 0, 5, 3, 2]
choice [4, 2, 6, 0, 5]
sample [58, 68, 15, 48, 10] [17, 9, 11, 6, 2, 0, 10, 3, 4, 1, 12, 13, 16, 15, 18, 7, 8, 5, 19, 14] [686, 273, 718, 959, 699, 663, 73, 623, 650, 175, 546, 746, 250, 167, 473, 388, 276, 947, 655, 704, 570, 224, 701, 332, 863, 786, 794, 57, 234, 841] [1, 25, 10, 12, 8, 2, 6, 18, 27, 23]
uniform ['6.57964965603532', '4.566147233220148']
choices [9, 4, 2, 2, 5]
gauss ['-0.10600368363820181', '1.3212579245899612', '0.8087332379764564']
big 237489396861902210083911460792 -747212746596721602392
seed 12345
random ['0.41661987254534116', '0.010169169457068361', '0.8252065092537432']
randint [39, 48, 25, 35, 73, 56, 21, 48, 16, 56]
getrandbits [0, 71, 2693866766, 5043767177, 3446018582270436793, 32063181259993174305, 1230495979051049741051439700196, 327339218812120081680656644134709626545207653767503801388354]
randrange [77, 88, -26, 5, -947077246244]
shuffle [1, 2, 6, 9, 3, 8, 4, 0, 5, 7]
choice [6, 4, 1, 2, 0]
sample [83, 53, 13, 87, 73] [5, 12, 7, 16, 10, 18, 0, 3, 1, 17, 14, 8, 2, 15, 4, 9, 11, 13, 6, 19] [885, 852, 9, 153, 988, 234, 358, 552, 350, 160, 395, 331, 13, 50, 62, 728, 455, 80, 397, 818, 942, 183, 807, 11, 790, 729, 376, 220, 694, 524] [24, 3, 15, 19, 1, 0, 20, 27, 10, 26]
uniform ['8.98698192470834', '8.650182341278445']
choices [5, 3, 6, 1, 1]
gauss ['-2.1109309860941297', '0.06775868763882847', '-0.3451774811319746']
big 645720976043447288408048293797 -1177888405890848368000
seed -7
random ['0.32383276483316237', '0.15084917392450192', '0.6509344730398537']
randint [10, 69, 13, 47, 75, 8, 65, 28, 5, 12]
getrandbits [0, 53, 300026767, 1033639716, 7830996856503103182, 33699473591300644278, 809968438216434163310578990115, 637662778367234512954324888798252391078650750662392462407349]
randrange [0, 58, -45, 8, -704255129909]
shuffle [1, 5, 3, 7, 8, 0, 9, 2, 6, 4]
choice [0, 4, 4, 5, 1]
sample [47, 12, 70, 91, 8] [18, 1, 6, 15, 13, 12, 5, 7, 9, 14, 16, 4, 3, 17, 19, 11, 0, 2, 8, 10] [896, 351, 746, 459, 294, 623, 74, 120, 524, 428, 168, 775, 350, 155, 955, 500, 431, 40, 985, 684, 79, 782, 571, 586, 808, 837, 321, 348, 711, 358] [19, 15, 18, 25, 14, 2, 24, 8, 28, 23]
uniform ['1.9701880638784528', '6.936563165109285']
choices [6, 9, 8, 2, 3]
gauss ['-0.10450374090253114', '-0.18633759572892666', '-0.5891147952841371']
big 242355337738808061391617523064 -566546883005360969023
seed 4294967296
random ['0.11299430095636409', '0.41782886486292836', '0.0166763664992291']
randint [79, 98, 43, 70, 58, 2, 18, 10, 56, 65]
getrandbits [0, 43, 3165604918, 1637731430, 8526759763112455265, 35184555918419373584, 1161594421283268035619482189454, 811965153926518737984011009867602123685576553357793871910525]
randrange [14, 4, 15, 2, -677975372486]
shuffle [4, 3, 1, 7, 2, 8, 5, 6, 0, 9]
choice [1, 0, 2, 3, 3]
sample [56, 20, 18, 11, 31] [8, 5, 19, 15, 12, 14, 0, 4, 2, 16, 7, 6, 13, 11, 9, 1, 10, 3, 18, 17] [47, 71, 92, 159, 126, 224, 73, 645, 382, 67, 458, 304, 588, 921, 811, 475, 240, 90, 303, 990, 254, 205, 693, 547, 851, 239, 991, 72, 848, 765] [12, 1, 16, 3, 13, 10, 25, 8, 11, 17]
uniform ['4.287341350625306', '3.671037698941341']
choices [8, 6, 0, 9, 5]
gauss ['1.5696471170183903', '1.635724516872104', '0.005100517389774668']
big 797254501829936569665951131065 -939478291309054614027
seed 18446744073709551621
random ['0.5105783769365112', '0.8797586528012199', '0.5149365298491138']
randint [97, 45, 93, 9, 41, 75, 88, 83, 72, 6]
getrandbits [0, 115, 1719005080, 3346361429, 6978181619521893296, 16130270811615009044, 507725962851004263581749693279, 876322518451846119055287661658792821271687436309301636252051]
randrange [77, 49, 1, 2, -702784930287]
shuffle [7, 9, 5, 8, 6, 1, 2, 0, 3, 4]
choice [2, 0, 2, 3, 3]
sample [26, 64, 63, 67, 7] [5, 15, 7, 13, 4, 1, 11, 3, 12, 8, 10, 9, 0, 18, 16, 19, 6, 14, 2, 17] [353, 555, 635, 532, 924, 958, 255, 464, 352, 192, 48, 991, 61, 544, 704, 349, 976, 218, 623, 236, 679, 835, 276, 29, 882, 838, 818, 447, 182, 669] [0, 9, 18, 1, 22, 11, 29, 3, 6, 23]
uniform ['5.836834589608617', '4.356522459365491']
choices [3, 6, 4, 6, 4]
gauss ['-0.29822945678445534', '-0.4899281594637071', '-0.9411022947708884']
big 476706614488086513661567283217 1114803205263156894134
seed 1000000000000000000000000000000
random ['0.9341508484568806', '0.5253068813972436', '0.34916701183971244']
randint [43, 19, 53, 59, 18, 55, 42, 1, 30, 74]
getrandbits [0, 68, 2095092030, 5224157474, 13449933342731957021, 1067080593841003970, 972526763804370724036821775793, 951628068313682729188462648449750139455799265692602018417239]
randrange [7, 19, -22, 6, 847225037717]
shuffle [1, 5, 2, 3, 7, 4, 0, 6, 8, 9]
choice [1, 6, 5, 1, 2]
sample [91, 41, 11, 44, 25] [8, 5, 2, 18, 19, 14, 4, 15, 10, 11, 9, 7, 13, 1, 16, 17, 12, 3, 6, 0] [931, 981, 261, 310, 442, 567, 699, 929, 741, 622, 150, 443, 85, 954, 766, 818, 667, 352, 422, 200, 744, 675, 562, 706, 496, 421, 678, 262, 185, 369] [1, 13, 26, 25, 15, 16, 11, 4, 6, 23]
uniform ['4.328757607785172', '6.020850285721973']
choices [3, 0, 7, 4, 2]
gauss ['0.4472777228449082', '-0.7100278927483713', '-0.028769321403511846']
big 405654203714338219332797487197 708315110036686631550
"#;

    fn list<T: std::fmt::Display>(v: &[T]) -> String {
        let parts: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        format!("[{}]", parts.join(", "))
    }

    /// Floats are compared by value: CPython's repr strings are parsed back.
    fn floats(v: &[f64]) -> String {
        let parts: Vec<String> = v.iter().map(|x| format!("'{:?}'", x)).collect();
        format!("[{}]", parts.join(", "))
    }

    fn normalize_expected(line: &str) -> String {
        // turn ['0.1', '0.2'] into the same spelling `floats` produces
        if let Some(start) = line.find("['") {
            let inner = &line[start + 1..line.len() - 1];
            let vals: Vec<f64> = inner
                .split(", ")
                .map(|s| s.trim_matches('\'').parse().unwrap())
                .collect();
            format!("{}{}", &line[..start], floats(&vals))
        } else {
            line.to_string()
        }
    }

    /// The same calls as this Python, in the same order:
    ///     r = random.Random(seed)
    ///     random: [r.random() for _ in range(3)]; randint: [r.randint(1, 100) for _ in range(10)]
    ///     getrandbits for k in (1, 7, 32, 33, 64, 65, 100, 200)
    ///     randrange(0,100,7), randrange(100,0,-3), randrange(-50,50), randrange(10), randrange(-10**12, 10**12)
    ///     shuffle(list(range(10))); [choice(range(7)) x5]
    ///     sample(range(100),5), sample(range(20),20), sample(range(1000),30), sample(range(30),10)
    ///     [uniform(1.5, 9.25) x2]; choices(range(10), k=5); [gauss(0,1) x3]
    ///     randrange(10**30), randint(-2**70, 2**70)
    fn transcript(seed: &BigInt) -> Vec<String> {
        let mut out = vec![format!("seed {}", seed)];
        let mut r = PyRandom::new_seeded(seed);
        let v: Vec<f64> = (0..3).map(|_| r.random()).collect();
        out.push(format!("random {}", floats(&v)));
        let v: Vec<i64> = (0..10).map(|_| r.randint(1, 100).unwrap()).collect();
        out.push(format!("randint {}", list(&v)));
        let v: Vec<BigUint> = [1, 7, 32, 33, 64, 65, 100, 200]
            .iter()
            .map(|k| r.getrandbits(*k))
            .collect();
        out.push(format!("getrandbits {}", list(&v)));
        let v = [
            r.randrange(0, 100, 7).unwrap(),
            r.randrange(100, 0, -3).unwrap(),
            r.randrange(-50, 50, 1).unwrap(),
            r.randrange_stop(10).unwrap(),
            r.randrange(-1_000_000_000_000, 1_000_000_000_000, 1)
                .unwrap(),
        ];
        out.push(format!("randrange {}", list(&v)));
        let mut l: Vec<usize> = (0..10).collect();
        r.shuffle(&mut l);
        out.push(format!("shuffle {}", list(&l)));
        let v: Vec<usize> = (0..5).map(|_| r.choice(7).unwrap()).collect();
        out.push(format!("choice {}", list(&v)));
        let s =
            [(100, 5), (20, 20), (1000, 30), (30, 10)].map(|(n, k)| list(&r.sample(n, k).unwrap()));
        out.push(format!("sample {}", s.join(" ")));
        let v: Vec<f64> = (0..2).map(|_| r.uniform(1.5, 9.25)).collect();
        out.push(format!("uniform {}", floats(&v)));
        out.push(format!("choices {}", list(&r.choices(10, 5))));
        let v: Vec<f64> = (0..3).map(|_| r.gauss(0.0, 1.0)).collect();
        out.push(format!("gauss {}", floats(&v)));
        let big = r
            .randrange_big(
                &BigInt::zero(),
                &BigInt::from(10u32).pow(30),
                &BigInt::one(),
            )
            .unwrap();
        let two70: BigInt = BigInt::one() << 70usize;
        let big2 = r
            .randrange_big(&-two70.clone(), &(two70 + 1), &BigInt::one())
            .unwrap();
        out.push(format!("big {} {}", big, big2));
        out
    }

    #[test]
    fn matches_cpython_transcripts() {
        let expected: Vec<String> = EXPECTED.trim().lines().map(normalize_expected).collect();
        let seeds: Vec<BigInt> = expected
            .iter()
            .filter_map(|l| l.strip_prefix("seed "))
            .map(|s| s.parse().unwrap())
            .collect();
        assert_eq!(seeds.len(), 8);
        let mut got = Vec::new();
        for s in &seeds {
            got.extend(transcript(s));
        }
        assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(expected.iter()) {
            // gauss goes through libm cos/sin/log: allow a last-bit difference
            if g.starts_with("gauss") && g != e {
                let nums = |s: &str| -> Vec<f64> {
                    s[6..]
                        .trim_matches(|c| c == '[' || c == ']')
                        .split(", ")
                        .map(|x| x.trim_matches('\'').parse().unwrap())
                        .collect()
                };
                for (a, b) in nums(g).iter().zip(nums(e).iter()) {
                    assert!((a - b).abs() <= 1e-12 * b.abs().max(1.0), "{g} vs {e}");
                }
                continue;
            }
            assert_eq!(g, e);
        }
    }

    /// random.seed(3); random.gauss(0, 1), random.gauss(0, 1)
    const GAUSS3: [f64; 2] = [0.09470803828730423, 1.2500243810835503];
    /// random.seed(0); l = list(range(10)); random.shuffle(l)
    const SHUF0: [i32; 10] = [7, 8, 1, 5, 3, 4, 2, 0, 9, 6];

    #[test]
    fn gauss_close_to_cpython() {
        let mut r = PyRandom::new_seeded(&BigInt::from(3));
        let a = r.gauss(0.0, 1.0);
        let b = r.gauss(0.0, 1.0);
        assert!((a - GAUSS3[0]).abs() < 1e-12, "{a}");
        assert!((b - GAUSS3[1]).abs() < 1e-12, "{b}");
    }

    #[test]
    fn readme_examples() {
        // python3 -c "import random; random.seed(42); print([random.randint(1,100) for _ in range(10)])"
        let mut r = PyRandom::new_seeded(&BigInt::from(42));
        let v: Vec<i64> = (0..10).map(|_| r.randint(1, 100).unwrap()).collect();
        assert_eq!(v, [82, 15, 4, 95, 36, 32, 29, 18, 95, 14]);
        // random.seed(42); random.random()
        let mut r = PyRandom::new_seeded(&BigInt::from(42));
        assert_eq!(r.random(), 0.6394267984578837);
        // random.seed(0); l = list(range(10)); random.shuffle(l)
        let mut r = PyRandom::new_seeded(&BigInt::from(0));
        let mut l: Vec<i32> = (0..10).collect();
        r.shuffle(&mut l);
        assert_eq!(l, SHUF0);
    }

    #[test]
    fn errors_like_cpython() {
        let mut r = PyRandom::new_seeded(&BigInt::from(1));
        assert_eq!(
            r.randrange(5, 5, 1).unwrap_err(),
            "empty range for randrange() (5, 5, 0)"
        );
        assert_eq!(
            r.randint(3, 1).unwrap_err(),
            "empty range for randrange() (3, 2, -1)"
        );
        assert_eq!(
            r.randrange(0, 10, 0).unwrap_err(),
            "zero step for randrange()"
        );
        assert_eq!(
            r.randrange(0, 10, -1).unwrap_err(),
            "empty range for randrange()"
        );
        assert_eq!(
            r.randrange_stop(0).unwrap_err(),
            "empty range for randrange()"
        );
        assert_eq!(
            r.choice(0).unwrap_err(),
            "Cannot choose from an empty sequence"
        );
        assert_eq!(
            r.sample(3, 4).unwrap_err(),
            "Sample larger than population or is negative"
        );
        assert_eq!(r.sample(3, 0).unwrap(), Vec::<usize>::new());
        assert_eq!(r.getrandbits(0), BigUint::zero());
    }

    #[test]
    fn seeds_ignore_sign_and_zero_is_one_word() {
        let mut a = PyRandom::new_seeded(&BigInt::from(-5));
        let mut b = PyRandom::new_seeded(&BigInt::from(5));
        assert_eq!(a.random(), b.random());
        let mut z = PyRandom::new_seeded(&BigInt::zero());
        assert_eq!(z.random(), 0.8444218515250481);
        let mut t = PyRandom::seed_from_time(0);
        assert_eq!(t.random(), 0.8444218515250481);
    }
}
