from locust import HttpUser, task, between


class Shopper(HttpUser):
    wait_time = between(1, 3)

    @task
    def browse(self):
        self.client.get('/api/products')
