//! Exports one brief many times, for profiling: `cargo run --release --example export_loop -- FILE N`.
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
    for _ in 0..n {
        match briefdesk::pdf::export_brief(&brief, &options) {
            Ok(exported) => total += exported.bytes.len(),
            Err(err) => {
                eprintln!("{err}");
                std::process::exit(1);
            }
        }
    }
    println!("{total} bytes");
}
