//! Tests of the kernels crate `alinea-e5-kernels`, run with alinea's own tests (CI runs
//! `cargo test` on this package only).

mod quant {
    use alinea_e5_kernels::QK;
    use alinea_e5_kernels::quant::*;
    use proptest::prelude::*;

    fn q4_bytes(seed: u64, nout: usize, nin: usize) -> Vec<u8> {
        let mut s = seed;
        let mut v = Vec::new();
        for _ in 0..nout * nin / QK {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let scale = half_bits(((s >> 40) % 1000) as f32 / 20000.0 + 0.001);
            v.extend_from_slice(&scale.to_le_bytes());
            for _ in 0..16 {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                v.push((s >> 56) as u8);
            }
        }
        v
    }

    /// f32 → f16 bits (normal numbers only, truncating), for the tests.
    fn half_bits(x: f32) -> u16 {
        let b = x.to_bits();
        let exp = ((b >> 23) & 0xff) as i32 - 127 + 15;
        (((b >> 16) & 0x8000) | ((exp as u32) << 10) | ((b >> 13) & 0x3ff)) as u16
    }

    #[test]
    fn f16_conversion() {
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        // The reference's subnormal path comes out one binade low (2^-25 instead of 2^-24);
        // kept so that weights decode exactly as there.
        assert_eq!(f16_to_f32(0x0001), 2f32.powi(-25));
        assert_eq!(f16_to_f32(0x7bff), 65504.0);
        assert!(f16_to_f32(0x7c00).is_infinite());
    }

    #[test]
    fn quantise_rounds_half_to_even_and_sums() {
        let mut x = vec![0f32; 32];
        x[0] = 127.0;
        x[1] = 2.5;
        x[2] = -3.5;
        let mut q = QActs::default();
        q.quantise(&x, 32);
        assert_eq!(q.d[0], 1.0);
        assert_eq!(&q.q[..3], &[127, 2, -4]);
        assert_eq!(q.s8[0], 8 * (127 + 2 - 4));
    }

    #[test]
    fn packed_matches_dequantised_product() {
        let (nout, nin) = (16, 64);
        let raw = q4_bytes(7, nout, nin);
        let w = PackedQ4::from_q4(&raw, nout, nin);
        let x: Vec<f32> = (0..nin * 3)
            .map(|i| ((i * 37 % 23) as f32 - 11.0) / 7.0)
            .collect();
        let mut q = QActs::default();
        q.quantise(&x, nin);
        let bias: Vec<f32> = (0..nout).map(|i| i as f32 * 0.1).collect();
        let mut y = vec![0f32; 3 * nout];
        matmul_scalar(&w, &bias, &q, &mut y);
        // float reference from dequantised weights and activations
        let mut row = vec![0f32; nin];
        for o in 0..nout {
            dequant_row(&raw[o * nin / QK * 18..(o + 1) * nin / QK * 18], &mut row);
            for t in 0..3 {
                let mut acc = bias[o];
                for (k, w) in row.iter().enumerate() {
                    acc += w * q.q[t * nin + k] as f32 * q.d[t * nin / QK + k / QK];
                }
                assert!(
                    (acc - y[t * nout + o]).abs() < 1e-3,
                    "{acc} vs {}",
                    y[t * nout + o]
                );
            }
        }
    }

    #[test]
    fn avx2_quantise_equals_scalar() {
        let x: Vec<f32> = (0..32 * 40)
            .map(|i| ((i * 7919 % 1000) as f32 - 500.0) / (1.0 + (i % 13) as f32))
            .chain([0.0; 32])
            .chain((0..32).map(|i| i as f32 * 0.5))
            .collect();
        let mut a = QActs::default();
        a.quantise(&x, 32);
        let mut b = a.clone();
        b.quantise_scalar(&x);
        assert_eq!(a.q, b.q);
        assert_eq!(a.d, b.d);
        assert_eq!(a.s8, b.s8);
    }

    proptest! {
        #[test]
        fn avx2_kernel_equals_scalar(seed in any::<u64>(), rows in 1usize..11, xs in proptest::collection::vec(-50f32..50.0, 96)) {
            if !avx2_available() { return Ok(()); }
            let (nout, nin) = (24, 96);
            let raw = q4_bytes(seed, nout, nin);
            let w = PackedQ4::from_q4(&raw, nout, nin);
            let x: Vec<f32> = (0..rows).flat_map(|r| xs.iter().map(move |v| v * (r as f32 + 1.0))).collect();
            let mut q = QActs::default();
            q.quantise(&x, nin);
            let bias = vec![0.5f32; nout];
            let mut a = vec![0f32; rows * nout];
            let mut b = vec![0f32; rows * nout];
            matmul_scalar(&w, &bias, &q, &mut a);
            matmul(&w, &bias, &q, &mut b);
            for (u, v) in a.iter().zip(&b) {
                prop_assert!((u - v).abs() <= 1e-4 * (1.0 + u.abs()), "{} vs {}", u, v);
            }
        }
    }
}

mod forward {
    #[test]
    fn erf_is_close_to_libm() {
        let mut worst = 0f32;
        for i in -100_000..=100_000 {
            let x = i as f32 / 10_000.0;
            worst = worst.max((alinea_e5_kernels::forward::erf(x) - libm::erff(x)).abs());
        }
        assert!(worst < 1e-6, "{worst}");
    }
}
