//! Native tests of the parallelism chapter's logic: the kernels, the chunking, the task
//! protocol. The process orchestration itself needs Web Workers: see
//! tests/e2e/parallelism.test.mjs.

use concurrency_playground::demos::{executors, pool_map, processes};
use concurrency_playground::workloads::tasks::{mandelbrot, run_task, square, MandelbrotIn, SquareIn, SquareOut};
use futures::executor::block_on;

#[test]
fn chunks_cover_every_row_once_in_order_even_with_more_chunks_than_rows() {
    for (size, chunks) in [(16, 1), (16, 3), (16, 40), (400, 8), (17, 256)] {
        let bands: Vec<_> = (0..chunks).map(|c| pool_map::chunk(size, chunks, c)).collect();
        assert_eq!(bands[0].row_from, 0);
        assert_eq!(bands.last().unwrap().row_to, size);
        assert!(bands.windows(2).all(|w| w[0].row_to == w[1].row_from), "{size}/{chunks}");
        let joined: Vec<u8> = bands.iter().flat_map(mandelbrot).collect();
        assert_eq!(joined, pool_map::sequential_picture(size), "{size} px in {chunks} chunks");
    }
}

#[test]
fn the_picture_is_the_mandelbrot_set() {
    let size = 64;
    let picture = pool_map::sequential_picture(size);
    assert_eq!(picture.len(), (size * size) as usize);
    // The centre of the main cardioid never escapes; the far corner escapes at once.
    let at = |x: u32, y: u32| picture[(y * size + x) as usize];
    let cx = ((-0.2 + 2.1) / 2.7 * size as f64) as u32;
    assert_eq!(at(cx, size / 2), 200);
    assert!(at(0, 0) <= 2);
}

#[test]
fn shares_of_squaring_add_up_to_the_whole() {
    let n = 1_000_003;
    for parts in 1..=8u64 {
        let shares: Vec<SquareIn> = (0..parts).map(|i| processes::share(n, parts, i)).collect();
        assert_eq!(shares.iter().map(|s| s.to - s.from).sum::<u64>(), n);
        let sum = shares.iter().fold(0u64, |acc, s| acc.wrapping_add(square(s).sum.parse::<u64>().unwrap()));
        let expected = (0..n).fold(0u64, |acc, i| acc.wrapping_add(i * i));
        assert_eq!(sum, expected, "{parts} parts");
    }
}

#[test]
fn tasks_cross_as_json_text_and_give_the_direct_answer() {
    let input = serde_json::to_string(&SquareIn { from: 3, to: 7 }).unwrap();
    let out: SquareOut = serde_json::from_str(&block_on(run_task("square", &input)).unwrap()).unwrap();
    assert_eq!(out.sum, (9 + 16 + 25 + 36).to_string());
    let chunk = MandelbrotIn { size: 32, row_from: 5, row_to: 9 };
    let rows: Vec<u8> = serde_json::from_str(&block_on(run_task("mandelbrot", &serde_json::to_string(&chunk).unwrap())).unwrap()).unwrap();
    assert_eq!(rows, mandelbrot(&chunk));
    assert!(block_on(run_task("nope", "{}")).is_err());
    assert!(block_on(run_task("square", "not json")).unwrap_err().contains("bad input"));
}

#[test]
fn executor_task_times_vary_so_they_finish_out_of_order() {
    let times: Vec<f64> = (0..5).map(|i| executors::duration_ms(i, 100.0)).collect();
    assert!(times.windows(2).any(|w| w[0] > w[1]));
    assert!(times.iter().all(|t| (30.0..=130.0).contains(t)));
}
