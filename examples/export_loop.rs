//! Exports one brief many times, for profiling: `cargo run --release --example export_loop -- FILE N`.
//! With `STAGE=layout` it only lays the brief out, to split the cost between layout and writing.
fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(n)) = (args.next(), args.next()) else {
        eprintln!("usage: export_loop FILE N");
        std::process::exit(2);
    };
    let n: usize = n.parse().unwrap_or(1);
    let brief = match briefdesk::storage::load(std::path::Path::new(&path)) {
        Ok(loaded) => loaded.brief,
        Err(err) => {
            eprintln!("{err}");
            std::process::exit(1);
        }
    };
    let options = briefdesk::layout::LayoutOptions::default();
    let mut total = 0;
    let started = std::time::Instant::now();
    if std::env::var("STAGE").as_deref() == Ok("layout") {
        for _ in 0..n {
            total += briefdesk::layout::layout_brief(&brief, &options)
                .pages
                .len();
        }
        println!(
            "{total} pages, {:.3} ms each",
            started.elapsed().as_secs_f64() * 1000.0 / n as f64
        );
        return;
    }
    for _ in 0..n {
        match briefdesk::pdf::export_brief(&brief, &options) {
            Ok(exported) => total += exported.bytes.len(),
            Err(err) => {
                eprintln!("{err}");
                std::process::exit(1);
            }
        }
    }
    println!(
        "{total} bytes, {:.3} ms each",
        started.elapsed().as_secs_f64() * 1000.0 / n as f64
    );
}
