fn main() {
    tracing_subscriber::fmt().json().init();
    println!("exporting");
}
